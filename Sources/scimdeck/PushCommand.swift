import ArgumentParser
import Foundation
import Store

/// `scimdeck push …`: the Push Groups tab.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push groups to an app: by name, by rule, Push Now, unlink.",
        subcommands: [Add.self, Rule.self, Now.self, Unlink.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Find groups by name: link them for push.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Option(name: .customLong("group"), help: "A group's name (repeatable).") var groups: [String]

        func run() throws {
            let store = try ScimdeckStore(path: global.storePath)
            let appID = try app.resolve(in: store).id ?? 0
            let links = store.records(PushGroupLink.self)
            let existing = Set(try links.all(appId: appID).map(\.groupId))
            for name in groups {
                guard let groupID = try store.directory.group(name: name)?.id else { throw StoreError.groupNotFound(name) }
                if !existing.contains(groupID) { try links.insert(PushGroupLink(appId: appID, groupId: groupID)) }
            }
            print("pushing \(groups.count) groups (status Pushing until the next sync)")
        }
    }

    struct Rule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rule", abstract: "Find groups by rule: every group whose name AND description match is pushed."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Option(help: "The rule's name.") var name: String
        @Option(name: .customLong("name-starts-with")) var nameStartsWith: String?
        @Option(name: .customLong("name-ends-with")) var nameEndsWith: String?
        @Option(name: .customLong("name-contains")) var nameContains: String?
        @Option(name: .customLong("description-starts-with")) var descriptionStartsWith: String?
        @Option(name: .customLong("description-ends-with")) var descriptionEndsWith: String?
        @Option(name: .customLong("description-contains")) var descriptionContains: String?

        func run() throws {
            let store = try ScimdeckStore(path: global.storePath)
            let appID = try app.resolve(in: store).id ?? 0
            let nameCondition = try Self.condition(nameStartsWith, nameEndsWith, nameContains, "group name")
            let descriptionCondition = try Self.condition(descriptionStartsWith, descriptionEndsWith, descriptionContains, "description")
            try store.records(PushGroupRule.self).insert(PushGroupRule(
                appId: appID, name: name, nameOperator: nameCondition?.0, nameValue: nameCondition?.1 ?? "",
                descriptionOperator: descriptionCondition?.0, descriptionValue: descriptionCondition?.1 ?? ""
            ))
            print("added rule \(name)")
        }

        static func condition(_ startsWith: String?, _ endsWith: String?, _ contains: String?, _ what: String) throws -> (PushGroupRule.Operator, String)? {
            let given = [(PushGroupRule.Operator.startsWith, startsWith), (.endsWith, endsWith), (.contains, contains)].compactMap { op, value in value.map { (op, $0) } }
            guard given.count <= 1 else { throw ValidationError("give one condition on the \(what)") }
            return given.first
        }
    }

    struct Now: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "now", abstract: "Push Now: the next sync re-sends every member of the group.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Option(name: .customLong("group"), help: "A pushed group's name.") var group: String

        func run() throws {
            let store = try ScimdeckStore(path: global.storePath)
            var link = try PushCommand.link(group: group, app: app, store: store)
            link.pushNowRequested = true
            try store.records(PushGroupLink.self).update(link)
            print("\(group) will be pushed whole on the next sync")
        }
    }

    struct Unlink: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlink", abstract: "Unlink pushed group, keeping it in the app or deleting it there.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Option(name: .customLong("group"), help: "A pushed group's name.") var group: String
        @Flag(help: "Delete the group in the target app too.") var delete = false

        func run() throws {
            let store = try ScimdeckStore(path: global.storePath)
            var link = try PushCommand.link(group: group, app: app, store: store)
            link.unlinkAction = delete ? .delete : .keep
            try store.records(PushGroupLink.self).update(link)
            print(delete ? "\(group) will be deleted in the app on the next sync" : "\(group) will be unlinked on the next sync; the app keeps it")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The pushed groups and their status.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Flag(help: "Print JSON.") var json = false

        struct Row: Encodable {
            var group: String
            var status: String
            var remoteId: String?
            var lastPushedAt: Date?
            var lastError: String?
        }

        func run() throws {
            let store = try ScimdeckStore(path: global.storePath)
            let appID = try app.resolve(in: store).id ?? 0
            let names = Dictionary(try store.directory.groups().compactMap { summary in summary.group.id.map { ($0, summary.group.name) } }, uniquingKeysWith: { a, _ in a })
            let remote = Dictionary(try store.provisioning.remoteLinks(appId: appID, kind: .group).map { ($0.localId, $0.remoteId) }, uniquingKeysWith: { a, _ in a })
            let rows = try store.records(PushGroupLink.self).all(appId: appID).map { link in
                Row(group: names[link.groupId] ?? "#\(link.groupId)", status: link.unlinkAction == nil ? link.status.rawValue : "unlinking",
                    remoteId: remote[link.groupId], lastPushedAt: link.lastPushedAt, lastError: link.lastError)
            }
            if json { return try JSONOutput.print(rows) }
            TextTable.print(["GROUP", "STATUS", "REMOTE ID", "LAST ERROR"], rows.map { [$0.group, $0.status, $0.remoteId ?? "", $0.lastError ?? ""] })
        }
    }

    static func link(group: String, app: AppOption, store: ScimdeckStore) throws -> PushGroupLink {
        let appID = try app.resolve(in: store).id ?? 0
        guard let groupID = try store.directory.group(name: group)?.id else { throw StoreError.groupNotFound(group) }
        guard let link = try store.records(PushGroupLink.self).all(appId: appID).first(where: { $0.groupId == groupID }) else {
            throw ValidationError("\(group) is not pushed to this app (see `scimdeck push list`)")
        }
        return link
    }
}
