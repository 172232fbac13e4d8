import Store

/// Who is assigned to one app (guide steps 3–4): people directly, and groups whose members come with them.
/// The CLI (`assign`, `unassign`) and the Assignments tab both change assignments through here.
public struct AppAssignments: Sendable {
    public let store: ScimdeckStore
    public let appID: Int64

    public init(store: ScimdeckStore, appID: Int64) {
        self.store = store
        self.appID = appID
    }

    // MARK: Reading

    /// Everyone in scope, with how they came in and how far provisioning got.
    public func people() throws -> [AssignedPerson] {
        let names = try groupNamesByID()
        let links = Dictionary(try store.provisioning.remoteLinks(appId: appID, kind: .user).map { ($0.localId, $0.status) },
                               uniquingKeysWith: { first, _ in first })
        let truth = try RowTruth(store: store, appID: appID)
        return try store.provisioning.scope(appId: appID).map { scoped in
            let status: AssignedPerson.Status
            let personID = scoped.personID
            if let conflict = truth.conflicts[personID] {
                status = .conflict(conflict)
            } else if let failure = truth.failures[personID] {
                status = .error(failure)
            } else if let held = truth.heldBack[personID] {
                status = .heldBack("\(held.rawValue): \(held.consequence)")
            } else {
                switch links[personID] {
                case nil: status = scoped.person.status == .active ? .pending : .notActiveInDirectory
                case .error?: status = .error("the last operation failed")
                case .deactivated?: status = .deactivated
                default: status = .provisioned
                }
            }
            return AssignedPerson(login: scoped.person.login, displayName: scoped.person.displayName,
                                  assignedDirectly: scoped.assignedDirectly,
                                  viaGroups: scoped.viaGroupIds.compactMap { names[$0] }, status: status)
        }
    }

    public func groups() throws -> [AssignedGroup] {
        let assigned = Set(try assignments().compactMap(\.groupId))
        return try store.directory.groups().filter { $0.group.id.map(assigned.contains) ?? false }.map {
            AssignedGroup(name: $0.group.name, description: $0.group.description, memberCount: $0.memberCount)
        }
    }

    /// People whose login, name or email contains `filter`, marked when assigned directly.
    public func peopleToAssign(matching filter: String, limit: Int = 50) throws -> [AssignmentCandidate] {
        let direct = Set(try assignments().compactMap(\.personId))
        return try store.directory.people(filter: filter.isEmpty ? nil : filter, limit: limit).map { person in
            AssignmentCandidate(key: person.login, title: person.displayName.isEmpty ? person.login : person.displayName,
                                detail: person.login, isAssigned: person.id.map(direct.contains) ?? false)
        }
    }

    public func groupsToAssign(matching filter: String, limit: Int = 50) throws -> [AssignmentCandidate] {
        let assigned = Set(try assignments().compactMap(\.groupId))
        return try store.directory.groups(filter: filter.isEmpty ? nil : filter, limit: limit).map { summary in
            AssignmentCandidate(key: summary.group.name, title: summary.group.name,
                                detail: "\(summary.memberCount) member" + (summary.memberCount == 1 ? "" : "s"),
                                isAssigned: summary.group.id.map(assigned.contains) ?? false)
        }
    }

    // MARK: Changing

    /// Assigns a person; false when they were assigned directly already.
    @discardableResult
    public func assign(personLogin login: String) throws -> Bool {
        guard let id = try store.directory.person(login: login)?.id else { throw StoreError.personNotFound(login) }
        guard try !assignments().contains(where: { $0.personId == id }) else { return false }
        try store.records(Assignment.self).insert(.person(id, app: appID))
        return true
    }

    /// Assigns a group (its members come into scope); false when it was assigned already.
    @discardableResult
    public func assign(groupName name: String) throws -> Bool {
        guard let id = try store.directory.group(name: name)?.id else { throw StoreError.groupNotFound(name) }
        guard try !assignments().contains(where: { $0.groupId == id }) else { return false }
        try store.records(Assignment.self).insert(.group(id, app: appID))
        return true
    }

    /// Removes a person's direct assignment; they stay in scope through any assigned group.
    @discardableResult
    public func unassign(personLogin login: String) throws -> Bool {
        guard let id = try store.directory.person(login: login)?.id else { throw StoreError.personNotFound(login) }
        return try remove { $0.personId == id }
    }

    /// Removes a group's assignment: its members leave scope unless assigned otherwise (guide step 4.5).
    @discardableResult
    public func unassign(groupName name: String) throws -> Bool {
        guard let id = try store.directory.group(name: name)?.id else { throw StoreError.groupNotFound(name) }
        return try remove { $0.groupId == id }
    }

    private func remove(where matches: (Assignment) -> Bool) throws -> Bool {
        var removed = false
        for assignment in try assignments() where matches(assignment) {
            if let id = assignment.id, try store.records(Assignment.self).delete(key: id) { removed = true }
        }
        return removed
    }

    private func assignments() throws -> [Assignment] {
        try store.records(Assignment.self).all(appId: appID)
    }

    private func groupNamesByID() throws -> [Int64: String] {
        Dictionary(try store.directory.groups().compactMap { summary in summary.group.id.map { ($0, summary.group.name) } },
                   uniquingKeysWith: { first, _ in first })
    }

    /// What a row must say beyond its link: conflicts and held-back people from the plan, and the
    /// last failure journaled for a person (so a failed update never reads "Provisioned").
    private struct RowTruth {
        var conflicts: [Int64: String] = [:]
        var heldBack: [Int64: HeldBack.Reason] = [:]
        var failures: [Int64: String]

        init(store: ScimdeckStore, appID: Int64) throws {
            failures = try store.engine.lastUserFailures(appId: appID)
            guard let plan = try? Planner().plan(SnapshotLoader.load(store, appID: appID)) else { return }
            // Before the app can sync nothing is sent at all: the tab says what is missing, and
            // the rows stay Pending rather than blaming a switch.
            if try SyncReadiness.of(appID: appID, in: store).isReady {
                heldBack = plan.heldBackPeople
            }
            for conflict in plan.conflicts {
                for id in conflict.personIDs { conflicts[id] = conflict.reason }
            }
        }
    }
}
