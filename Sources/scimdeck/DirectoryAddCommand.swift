import ArgumentParser
import Store

/// `scimdeck directory add person|group|member …`
struct DirectoryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a person, a group, or people to a group.",
        subcommands: [AddPerson.self, AddGroup.self, AddMember.self]
    )

    struct AddPerson: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "person", abstract: "Add a person.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The login (userName), unique whatever its case.") var login: String
        @OptionGroup var fields: PersonOptions
        @Option(name: .customLong("group"), help: "A group to put the person in (repeatable; made when missing).")
        var groups: [String] = []

        func run() throws {
            let directory = try ScimdeckStore(path: global.storePath).directory
            var person = Person(login: login)
            try fields.apply(to: &person)
            let added = try directory.addPerson(person)
            for name in groups {
                if try directory.group(name: name) == nil { try directory.addGroup(DirectoryGroup(name: name)) }
                try directory.addMember(login: added.login, group: name)
            }
            print("added person \(added.login)")
        }
    }

    struct AddGroup: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "group", abstract: "Add a group.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group name, unique whatever its case.") var name: String
        @Option(help: "What the group is for.") var description = ""

        func run() throws {
            let group = try ScimdeckStore(path: global.storePath).directory.addGroup(DirectoryGroup(name: name, description: description))
            print("added group \(group.name)")
        }
    }

    struct AddMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member", abstract: "Put people in a group.", aliases: ["membership", "members"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group.") var group: String
        @Argument(help: "The logins to add.") var logins: [String]

        func run() throws {
            let directory = try ScimdeckStore(path: global.storePath).directory
            for login in logins {
                let added = try directory.addMember(login: login, group: group)
                print(added ? "added \(login) to \(group)" : "\(login) is already in \(group)")
            }
        }
    }
}
