import Store

/// Builds the planner's snapshot of one app from the store, in one read.
public enum SnapshotLoader {
    public static func load(_ store: ScimdeckStore, appID: Int64) throws -> ProvisioningSnapshot {
        guard let app = try store.records(AppIntegration.self).fetch(key: appID) else {
            throw EngineError.noSuchApp(String(appID))
        }
        let state = try store.engine.state(appId: appID)
        var snapshot = snapshot(from: state, catalogEntry: Catalog.entry(named: app.catalogEntry))
        snapshot.unansweredCreates = try store.engine.unansweredCreates(appId: appID, operation: PlannedOperation.Kind.provisionUser.rawValue)
        return snapshot
    }

    /// The same snapshot for async code (a run), read with GRDB's async read in one transaction.
    public static func load(_ store: ScimdeckStore, appID: Int64) async throws -> ProvisioningSnapshot {
        guard let app = try await store.apps.app(id: appID) else { throw EngineError.noSuchApp(String(appID)) }
        let (state, unanswered) = try await store.runJournal.state(appId: appID, unansweredOperation: PlannedOperation.Kind.provisionUser.rawValue)
        var snapshot = snapshot(from: state, catalogEntry: Catalog.entry(named: app.catalogEntry))
        snapshot.unansweredCreates = unanswered
        return snapshot
    }

    static func snapshot(from state: EngineState, catalogEntry: CatalogEntry?) -> ProvisioningSnapshot {
        let settings = state.settings
        let toggles = ProvisioningToggles(
            createUsers: settings?.createUsers ?? false,
            updateUserAttributes: settings?.updateUserAttributes ?? false,
            deactivateUsers: settings?.deactivateUsers ?? false
        )
        let mappings = state.mappings.isEmpty
            ? (catalogEntry?.defaultMappings ?? [])
            : state.mappings.map { AttributeMapping(attribute: $0.scimAttribute, expression: $0.expression, applyOn: $0.applyOn == .createOnly ? .createOnly : .createAndUpdate) }

        var people: [ProvisioningSnapshot.Person] = []
        people.reserveCapacity(state.people.count)
        for person in state.people {
            guard let id = person.id else { continue }
            people.append(.init(id: id, login: person.login, status: status(person.status), profile: profile(person)))
        }

        var membersByGroup: [Int64: [Int64]] = [:]
        for membership in state.memberships {
            membersByGroup[membership.groupId, default: []].append(membership.personId)
        }
        let groups: [ProvisioningSnapshot.Group] = state.groups.compactMap { group in
            guard let id = group.id else { return nil }
            return .init(id: id, name: group.name, description: group.description, memberIDs: (membersByGroup[id] ?? []).sorted())
        }

        var userLinks: [Int64: ProvisioningSnapshot.UserLink] = [:]
        for link in state.userLinks {
            userLinks[link.localId] = .init(remoteID: link.remoteId, payloadHash: link.lastPayloadHash, isActive: link.status != .deactivated)
        }
        let groupLinks = Dictionary(state.groupLinks.map { ($0.localId, $0) }, uniquingKeysWith: { first, _ in first })
        var pushedMembers: [Int64: Set<Int64>] = [:]
        for member in state.pushedMembers {
            pushedMembers[member.groupId, default: []].insert(member.personId)
        }
        let pushes: [ProvisioningSnapshot.GroupPush] = state.pushLinks.map { link in
            let remote = groupLinks[link.groupId]
            return .init(
                groupID: link.groupId, remoteID: remote?.remoteId, pushedName: remote?.pushedName,
                pushedMemberIDs: pushedMembers[link.groupId] ?? [], pushNowRequested: link.pushNowRequested,
                unlink: link.unlinkAction.map { $0 == .delete ? .deleteInTarget : .keepInTarget }
            )
        }
        let rules = state.rules.map(rule)

        var assignedPeople: Set<Int64> = []
        var assignedGroups: Set<Int64> = []
        for assignment in state.assignments {
            if let personID = assignment.personId { assignedPeople.insert(personID) }
            if let groupID = assignment.groupId { assignedGroups.insert(groupID) }
        }
        return ProvisioningSnapshot(
            settings: toggles, mappings: mappings, people: people, groups: groups,
            assignedPersonIDs: assignedPeople, assignedGroupIDs: assignedGroups, userLinks: userLinks,
            groupPushes: pushes, pushRules: rules
        )
    }

    /// The `user.*` names of the mapping expressions, as Okta's profile names them.
    public static func profile(_ person: Person) -> [String: String] {
        var profile = person.attributes
        profile["login"] = person.login
        profile["email"] = person.email
        profile["firstName"] = person.firstName
        profile["lastName"] = person.lastName
        if profile["displayName"] == nil { profile["displayName"] = person.displayName }
        return profile
    }

    private static func status(_ status: PersonStatus) -> ProvisioningSnapshot.Person.Status {
        switch status {
        case .active: return .active
        case .suspended: return .suspended
        case .deactivated: return .deactivated
        }
    }

    /// A stored rule as the planner matches it (a missing condition matches every group).
    static func rule(_ rule: Store.PushGroupRule) -> PushGroupRule {
        PushGroupRule(name: rule.name, groupName: condition(rule.nameOperator, rule.nameValue),
                      groupDescription: condition(rule.descriptionOperator, rule.descriptionValue))
    }

    private static func condition(_ op: Store.PushGroupRule.Operator?, _ value: String) -> PushGroupRule.Condition {
        switch op {
        case .startsWith: return .init(.startsWith, value)
        case .endsWith: return .init(.endsWith, value)
        case .contains: return .init(.contains, value)
        case nil: return .init(.contains, "")
        }
    }
}
