import ArgumentParser
import Store

/// `scimdeck directory edit person|group …`
struct DirectoryEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a person or a group.",
        subcommands: [EditPerson.self, EditGroup.self]
    )

    struct EditPerson: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "person", abstract: "Change a person's fields.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's login (any case).") var login: String
        @Option(name: .customLong("login"), help: "A new login.") var newLogin: String?
        @OptionGroup var fields: PersonOptions

        func run() throws {
            let directory = try ScimdeckStore(path: global.storePath).directory
            guard var person = try directory.person(login: login) else { throw StoreError.personNotFound(login) }
            if let newLogin { person.login = newLogin }
            try fields.apply(to: &person)
            try directory.updatePerson(person)
            print("saved person \(person.login)")
        }
    }

    struct EditGroup: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "group", abstract: "Rename or describe a group.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group's name (any case).") var name: String
        @Option(name: .customLong("name"), help: "A new name.") var newName: String?
        @Option(help: "A new description.") var description: String?

        func run() throws {
            let directory = try ScimdeckStore(path: global.storePath).directory
            guard var group = try directory.group(name: name) else { throw StoreError.groupNotFound(name) }
            if let newName { group.name = newName }
            if let description { group.description = description }
            try directory.updateGroup(group)
            print("saved group \(group.name)")
        }
    }
}
