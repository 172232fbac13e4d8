import ArgumentParser
import Store

/// `scimdeck directory remove person|group|member …`
struct DirectoryRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove people, groups, or people from a group.",
        subcommands: [RemovePerson.self, RemoveGroup.self, RemoveMember.self]
    )

    struct RemovePerson: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person", abstract: "Remove people from the directory (with their memberships and assignments).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The logins (any case).") var logins: [String]

        func run() throws {
            let directory = try ScimdeckStore(path: global.storePath).directory
            for login in logins {
                guard try directory.removePerson(login: login) else { throw StoreError.personNotFound(login) }
                print("removed person \(login)")
            }
        }
    }

    struct RemoveGroup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "group", abstract: "Remove groups (their members stay in the directory).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group names (any case).") var names: [String]

        func run() throws {
            let directory = try ScimdeckStore(path: global.storePath).directory
            for name in names {
                guard try directory.removeGroup(name: name) else { throw StoreError.groupNotFound(name) }
                print("removed group \(name)")
            }
        }
    }

    struct RemoveMember: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member", abstract: "Take people out of a group.", aliases: ["membership", "members"])

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The group.") var group: String
        @Argument(help: "The logins to take out.") var logins: [String]

        func run() throws {
            let directory = try ScimdeckStore(path: global.storePath).directory
            for login in logins {
                let removed = try directory.removeMember(login: login, group: group)
                print(removed ? "removed \(login) from \(group)" : "\(login) was not in \(group)")
            }
        }
    }
}
