import ArgumentParser
import Foundation
import Provisioning
import Store

/// `scimdeck push …`: the Push Groups tab.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push groups to an app: by name, by rule, Push Now, unlink.",
        subcommands: [Add.self, Rule.self, RemoveRule.self, Now.self, Unlink.self, List.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Find groups by name: link them for push.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Option(name: .customLong("group"), help: "A group's name (repeatable).") var groups: [String]

        func run() throws {
            let push = try PushCommand.push(app: app, global: global)
            for name in groups { try push.push(groupNamed: name) }
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
            let push = try PushCommand.push(app: app, global: global)
            let nameCondition = try Self.condition(nameStartsWith, nameEndsWith, nameContains, "group name")
            let descriptionCondition = try Self.condition(descriptionStartsWith, descriptionEndsWith, descriptionContains, "description")
            // Both conditions, as the guide says Okta requires (the console asks the same).
            try push.addRule(PushRuleDraft(name: name, groupName: nameCondition, groupDescription: descriptionCondition))
            print("added rule \(name)")
        }

        static func condition(_ startsWith: String?, _ endsWith: String?, _ contains: String?, _ what: String) throws -> Provisioning.PushGroupRule.Condition? {
            let given = [(Provisioning.PushGroupRule.Operator.startsWith, startsWith), (.endsWith, endsWith), (.contains, contains)]
                .compactMap { op, value in value.map { Provisioning.PushGroupRule.Condition(op, $0) } }
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
            let push = try PushCommand.push(app: app, global: global)
            try push.pushNow(groupID: try PushCommand.link(group: group, push: push).groupId)
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
            let push = try PushCommand.push(app: app, global: global)
            try push.unlink(groupID: try PushCommand.link(group: group, push: push).groupId, deleteInTarget: delete)
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
            let rows = try PushCommand.push(app: app, global: global).rows().map { pushed in
                Row(group: pushed.name, status: pushed.unlinkAction == nil ? pushed.status.rawValue : "unlinking",
                    remoteId: pushed.remoteID, lastPushedAt: pushed.lastPushedAt, lastError: pushed.lastError)
            }
            if json { return try JSONOutput.print(rows) }
            TextTable.print(["GROUP", "STATUS", "REMOTE ID", "LAST ERROR"], rows.map { [$0.group, $0.status, $0.remoteId ?? "", $0.lastError ?? ""] })
            let rules = try PushCommand.push(app: app, global: global).rules()
            if !rules.isEmpty {
                print("")
                TextTable.print(["RULE", "CONDITIONS", "MATCHES"], rules.map { [$0.name, $0.conditionsText, String($0.matchCount)] })
            }
        }
    }

    struct RemoveRule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove-rule",
            abstract: "Delete a push rule: it pushes no new group; the groups it pushed stay pushed (unlink them one by one)."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Option(help: "The rule's name.") var name: String

        func run() throws {
            do {
                try PushCommand.push(app: app, global: global).removeRule(named: name)
            } catch let error as GroupPushError {
                throw ValidationError(error.description)
            }
            print("removed rule \(name)")
        }
    }

    static func push(app: AppOption, global: GlobalOptions) throws -> AppGroupPush {
        let store = try ScimdeckStore(path: global.storePath)
        return AppGroupPush(store: store, appID: try app.resolve(in: store).id)
    }

    static func link(group: String, push: AppGroupPush) throws -> PushGroupLink {
        do {
            return try push.link(groupNamed: group)
        } catch let error as GroupPushError {
            throw ValidationError(error.description)
        }
    }
}
