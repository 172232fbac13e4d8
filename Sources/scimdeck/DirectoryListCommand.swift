import ArgumentParser
import Foundation
import Store

/// `scimdeck directory list people|groups [--filter TEXT] [--json]`
struct DirectoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List people or groups.",
        discussion: "--filter keeps the people whose login, name or email contain TEXT, or the groups whose name or description do (any case)."
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case people
        case groups
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "What to list: people or groups.")
    var kind: Kind

    @Option(help: "Only the entries containing this text.")
    var filter: String?

    @Option(help: "At most this many entries.")
    var limit: Int?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() throws {
        let directory = try ScimdeckStore(path: global.storePath).directory
        switch kind {
        case .people:
            let people = try directory.people(filter: filter, limit: limit)
            if json {
                try JSONOutput.print(people)
            } else {
                TextTable.print(["LOGIN", "NAME", "EMAIL", "STATUS"], people.map { [$0.login, $0.displayName, $0.email, $0.status.rawValue] })
            }
        case .groups:
            let groups = try directory.groups(filter: filter, limit: limit)
            if json {
                try JSONOutput.print(groups)
            } else {
                TextTable.print(["NAME", "MEMBERS", "DESCRIPTION"], groups.map { [$0.group.name, String($0.memberCount), $0.group.description] })
            }
        }
    }
}
