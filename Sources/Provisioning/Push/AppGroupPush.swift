import Foundation
import Store

/// The Push Groups tab's changes to the store, for one app: push by name, add a rule, Push Now,
/// Unlink pushed group, and the rows the tab lists. Each change is a request the next sync carries
/// out (the engine plans from the links and rules), so the CLI and the console share one meaning.
public struct AppGroupPush: Sendable {
    public let store: ScimdeckStore
    public let appID: Int64

    public init(store: ScimdeckStore, appID: Int64) {
        self.store = store
        self.appID = appID
    }

    private var links: RecordTable<PushGroupLink> { store.records(PushGroupLink.self) }

    // MARK: Find groups by name

    /// Links the named group for push; returns false when it was pushed already.
    @discardableResult
    public func push(groupNamed name: String) throws -> Bool {
        guard let groupID = try store.directory.group(name: name)?.id else { throw StoreError.groupNotFound(name) }
        return try push(groupID: groupID)
    }

    /// Links the group for push (status Pushing until a sync sends it); returns false when it was
    /// pushed already. Pushing a group that is waiting to be unlinked keeps it instead.
    @discardableResult
    public func push(groupID: Int64) throws -> Bool {
        if var link = try link(groupID: groupID) {
            guard link.unlinkAction != nil else { return false }
            link.unlinkAction = nil
            try links.update(link)
            return true
        }
        try links.insert(PushGroupLink(appId: appID, groupId: groupID))
        return true
    }

    /// Directory groups whose name or description contains `query`, names that start with it first,
    /// each marked when this app pushes it already (predictive search).
    public func groups(matching query: String, limit: Int = 50) throws -> [PushableGroup] {
        let text = query.trimmingCharacters(in: .whitespaces)
        let pushed = Set(try links.all(appId: appID).filter { $0.unlinkAction == nil }.map(\.groupId))
        let found = try store.directory.groups(filter: text.isEmpty ? nil : text, limit: limit)
        let groups = found.compactMap { summary -> PushableGroup? in
            guard let id = summary.group.id else { return nil }
            return PushableGroup(id: id, name: summary.group.name, description: summary.group.description,
                                 memberCount: summary.memberCount, isPushed: pushed.contains(id))
        }
        let prefix = text.lowercased()
        // A stable sort: the store's order (by name) stays within each half.
        return groups.filter { $0.name.lowercased().hasPrefix(prefix) } + groups.filter { !$0.name.lowercased().hasPrefix(prefix) }
    }

    // MARK: Find groups by rule

    /// Stores a rule; every group whose name AND description match it is pushed from the next sync on.
    @discardableResult
    public func addRule(_ draft: PushRuleDraft) throws -> Store.PushGroupRule {
        if let problem = PushRuleDraft.Field.allCases.lazy.compactMap({ draft.problems()[$0] }).first {
            throw problem
        }
        let name = draft.name.trimmingCharacters(in: .whitespaces)
        let rules = store.records(Store.PushGroupRule.self)
        if try rules.all(appId: appID).contains(where: { $0.name.lowercased() == name.lowercased() }) {
            throw GroupPushError.ruleNameTaken(name)
        }
        return try rules.insert(Store.PushGroupRule(
            appId: appID, name: name,
            nameOperator: draft.groupName.map { Self.storeOperator($0.op) }, nameValue: draft.groupName?.value ?? "",
            descriptionOperator: draft.groupDescription.map { Self.storeOperator($0.op) }, descriptionValue: draft.groupDescription?.value ?? ""
        ))
    }

    /// The app's rules, oldest first, with how many directory groups each matches now.
    public func rules() throws -> [PushRuleSummary] {
        let stored = try store.records(Store.PushGroupRule.self).all(appId: appID)
        guard !stored.isEmpty else { return [] }
        let groups = try store.directory.groups().map(\.group)
        return stored.compactMap { record in
            guard let id = record.id else { return nil }
            let rule = SnapshotLoader.rule(record)
            let count = groups.reduce(0) { $0 + (rule.matches(name: $1.name, description: $1.description) ? 1 : 0) }
            return PushRuleSummary(id: id, name: record.name, rule: rule, matchCount: count)
        }
    }

    /// Deletes a rule: it pushes no new group. The groups it pushed stay pushed, each to unlink on its own.
    public func removeRule(named name: String) throws {
        let rules = store.records(Store.PushGroupRule.self)
        guard let rule = try rules.all(appId: appID).first(where: { $0.name.lowercased() == name.lowercased() }), let id = rule.id else {
            throw GroupPushError.noSuchRule(name)
        }
        _ = try rules.delete(key: id)
    }

    // MARK: Push Now, Unlink

    /// *Push Now*: the next sync sends the group again, every member; the row shows Pushing until then.
    public func pushNow(groupID: Int64) throws {
        var link = try pushedLink(groupID: groupID)
        link.pushNowRequested = true
        link.status = .pushing
        try links.update(link)
    }

    /// *Unlink pushed group*: the next sync deletes the group in the app, or only forgets it there.
    public func unlink(groupID: Int64, deleteInTarget: Bool) throws {
        var link = try pushedLink(groupID: groupID, allowUnlinking: true)
        link.unlinkAction = deleteInTarget ? .delete : .keep
        try links.update(link)
    }

    /// The push link of a group by name, for the CLI.
    public func link(groupNamed name: String) throws -> PushGroupLink {
        guard let groupID = try store.directory.group(name: name)?.id else { throw StoreError.groupNotFound(name) }
        guard let link = try link(groupID: groupID) else { throw GroupPushError.notPushed(name) }
        return link
    }

    // MARK: Rows

    /// The pushed groups in the order they were linked, with what the app holds for each.
    public func rows() throws -> [PushedGroup] {
        let stored = try links.all(appId: appID)
        guard !stored.isEmpty else { return [] }
        let groups = Dictionary(try store.directory.groups().compactMap { summary in summary.group.id.map { ($0, summary.group) } },
                                uniquingKeysWith: { first, _ in first })
        let remote = Dictionary(try store.provisioning.remoteLinks(appId: appID, kind: .group).map { ($0.localId, $0) },
                                uniquingKeysWith: { first, _ in first })
        let rules = try store.records(Store.PushGroupRule.self).all(appId: appID).map { ($0.name, SnapshotLoader.rule($0)) }
        return stored.map { link in
            let group = groups[link.groupId]
            let matching = group.flatMap { group in rules.first { $0.1.matches(name: group.name, description: group.description) }?.0 }
            return PushedGroup(
                groupID: link.groupId, name: group?.name ?? "#\(link.groupId)", remoteName: remote[link.groupId]?.pushedName,
                remoteID: remote[link.groupId]?.remoteId, lastPushedAt: link.lastPushedAt, status: link.status,
                lastError: link.lastError, pushNowRequested: link.pushNowRequested, unlinkAction: link.unlinkAction,
                matchingRule: matching
            )
        }
    }

    // MARK: Helpers

    private func link(groupID: Int64) throws -> PushGroupLink? {
        try links.all(appId: appID).first { $0.groupId == groupID }
    }

    private func pushedLink(groupID: Int64, allowUnlinking: Bool = false) throws -> PushGroupLink {
        let name = { (try? store.directory.groups().first { $0.group.id == groupID }?.group.name) ?? "#\(groupID)" }
        guard let link = try link(groupID: groupID) else { throw GroupPushError.notPushed(name()) }
        if link.unlinkAction != nil, !allowUnlinking { throw GroupPushError.unlinking(name()) }
        return link
    }

    static func storeOperator(_ op: PushGroupRule.Operator) -> Store.PushGroupRule.Operator {
        switch op {
        case .startsWith: return .startsWith
        case .endsWith: return .endsWith
        case .contains: return .contains
        }
    }
}
