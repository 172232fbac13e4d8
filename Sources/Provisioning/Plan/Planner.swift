import Foundation

/// Works out the plan from a snapshot: the provisioning rules of DESIGN.md, in one linear pass
/// over people and groups.
public struct Planner: Sendable {
    /// Members added or removed per PATCH.
    public var memberBatchSize: Int

    public init(memberBatchSize: Int = 100) {
        self.memberBatchSize = max(1, memberBatchSize)
    }

    public func plan(_ snapshot: ProvisioningSnapshot) throws(ProfileMapper.InvalidMapping) -> Plan {
        let mapper = try ProfileMapper(mappings: snapshot.mappings)
        let groupsByID = Dictionary(snapshot.groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let inScope = snapshot.inScopePersonIDs(groupsByID: groupsByID)

        var plan = Plan()
        var profiles: [Int64: MappedProfile] = [:]
        for person in snapshot.people where inScope.contains(person.id) {
            profiles[person.id] = mapper.map(person.profile)
        }
        let blocked = conflicts(snapshot, profiles: profiles, into: &plan)

        // In scope and linked (or linked by this plan): the people a pushed group may hold.
        var eligibleMembers: Set<Int64> = []
        var held: [HeldBack.Reason: [Int64]] = [:]
        let settings = snapshot.settings
        for person in snapshot.people {
            let link = snapshot.userLinks[person.id]
            guard let profile = profiles[person.id] else {
                if let link, link.isActive { leaves(person.id, link, settings, into: &plan, held: &held) }
                continue
            }
            if blocked.contains(person.id) {
                // A conflict is reported and left as it stands: never deactivated or rewritten by a guess.
                if let link, link.isActive { eligibleMembers.insert(person.id) }
                continue
            }
            guard let link else {
                if settings.createUsers {
                    plan.operations.append(.provisionUser(personID: person.id, profile: profile))
                    eligibleMembers.insert(person.id)
                } else {
                    held[.createUsersOff, default: []].append(person.id)
                }
                continue
            }
            if !link.isActive {
                // Reactivation undoes a deactivation, so it follows the Deactivate Users switch.
                if settings.deactivateUsers {
                    plan.operations.append(.reactivateUser(personID: person.id, remoteID: link.remoteID, profile: profile))
                    eligibleMembers.insert(person.id)
                } else {
                    held[.reactivateUsersOff, default: []].append(person.id)
                }
                continue
            }
            eligibleMembers.insert(person.id)
            if link.payloadHash != profile.payloadHash {
                if settings.updateUserAttributes {
                    plan.operations.append(.updateUser(personID: person.id, remoteID: link.remoteID, profile: profile))
                } else {
                    held[.updateUsersOff, default: []].append(person.id)
                }
            }
        }
        // Tombstones: links of people removed from the directory. They left scope like anyone
        // unassigned, so the app's copy is deactivated (users are never deleted remotely).
        let inDirectory = Set(snapshot.people.map(\.id))
        for (personID, link) in snapshot.userLinks.sorted(by: { $0.key < $1.key }) where link.isActive && !inDirectory.contains(personID) {
            leaves(personID, link, settings, into: &plan, held: &held)
        }
        // A create never answered for someone who has since left scope: the app may hold them
        // active. (Someone still in scope is provisioned as usual, which looks them up first.)
        if settings.deactivateUsers {
            for (personID, userName) in snapshot.unansweredCreates.sorted(by: { $0.key < $1.key })
            where snapshot.userLinks[personID] == nil && profiles[personID] == nil {
                plan.operations.append(.settleUncertainUser(personID: personID, userName: userName))
            }
        }
        plan.heldBack = HeldBack.Reason.allCases.compactMap { reason in held[reason].map { HeldBack(reason: reason, personIDs: $0) } }

        planGroups(snapshot, groupsByID: groupsByID, eligibleMembers: eligibleMembers, into: &plan)
        return plan
    }

    /// A linked, active user out of scope: deactivated when Deactivate Users is on, else held back.
    private func leaves(_ personID: Int64, _ link: ProvisioningSnapshot.UserLink, _ settings: ProvisioningToggles,
                        into plan: inout Plan, held: inout [HeldBack.Reason: [Int64]]) {
        if settings.deactivateUsers {
            plan.operations.append(.deactivateUser(personID: personID, remoteID: link.remoteID))
        } else {
            held[.deactivateUsersOff, default: []].append(personID)
        }
    }

    /// userNames that are empty or equal but for case. Where one of the clashing people is already
    /// linked it keeps the name; the others are reported and get nothing.
    private func conflicts(_ snapshot: ProvisioningSnapshot, profiles: [Int64: MappedProfile], into plan: inout Plan) -> Set<Int64> {
        var blocked: Set<Int64> = []
        var byUserName: [String: [Int64]] = [:]
        var order: [String] = []
        for person in snapshot.people {
            guard let profile = profiles[person.id] else { continue }
            guard let userName = profile.userName, userName.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
                blocked.insert(person.id)
                plan.conflicts.append(Plan.Conflict(personIDs: [person.id], reason: "the userName mapping gives no value for \(person.login)"))
                continue
            }
            let key = userName.lowercased()
            if byUserName[key] == nil { order.append(key) }
            byUserName[key, default: []].append(person.id)
        }
        for key in order {
            guard let ids = byUserName[key], ids.count > 1 else { continue }
            let linked = ids.filter { snapshot.userLinks[$0] != nil }
            let keeper = linked.count == 1 ? linked.first : nil
            let losers = ids.filter { $0 != keeper }
            blocked.formUnion(losers)
            plan.conflicts.append(Plan.Conflict(personIDs: losers, reason: "userName \"\(key)\" is shared by \(ids.count) people when compared without case; the app would see one user"))
        }
        return blocked
    }

    private func planGroups(_ snapshot: ProvisioningSnapshot, groupsByID: [Int64: ProvisioningSnapshot.Group], eligibleMembers: Set<Int64>, into plan: inout Plan) {
        var pushes = snapshot.groupPushes
        var pushed = Set(pushes.map(\.groupID))
        if !snapshot.pushRules.isEmpty {
            for group in snapshot.groups where !pushed.contains(group.id) {
                if snapshot.pushRules.contains(where: { $0.matches(name: group.name, description: group.description) }) {
                    pushes.append(ProvisioningSnapshot.GroupPush(groupID: group.id))
                    pushed.insert(group.id)
                }
            }
        }

        var structural: [PlannedOperation] = []
        var memberships: [PlannedOperation] = []
        var deletions: [PlannedOperation] = []
        for push in pushes {
            if let unlink = push.unlink {
                if unlink == .deleteInTarget, let remoteID = push.remoteID {
                    deletions.append(.deleteGroup(groupID: push.groupID, remoteID: remoteID))
                } else {
                    deletions.append(.forgetGroup(groupID: push.groupID))
                }
                continue
            }
            // A linked group whose directory group was removed is left alone: only an unlink deletes.
            guard let group = groupsByID[push.groupID] else { continue }
            var desired: [Int64] = []
            var seen: Set<Int64> = []
            for memberID in group.memberIDs where eligibleMembers.contains(memberID) && seen.insert(memberID).inserted {
                desired.append(memberID)
            }
            if let remoteID = push.remoteID {
                if push.pushedName != group.name {
                    structural.append(.renameGroup(groupID: group.id, remoteID: remoteID, name: group.name))
                }
            } else {
                structural.append(.createGroup(groupID: group.id, name: group.name, members: desired))
            }
            let known = push.remoteID == nil ? [] : push.pushedMemberIDs
            let toAdd = push.pushNowRequested ? desired : desired.filter { !known.contains($0) }
            let toRemove = known.filter { !seen.contains($0) }.sorted()
            if push.pushNowRequested, let remoteID = push.remoteID, push.pushedName == group.name, toAdd.isEmpty, toRemove.isEmpty {
                // Push Now on a group with no member to send still re-sends the group (its name), so the
                // request is answered and the tab's Pushing turns Active instead of waiting forever.
                structural.append(.renameGroup(groupID: group.id, remoteID: remoteID, name: group.name))
            }
            for batch in toRemove.chunked(memberBatchSize) {
                memberships.append(.removeMembers(groupID: group.id, personIDs: batch))
            }
            for batch in toAdd.chunked(memberBatchSize) {
                memberships.append(.addMembers(groupID: group.id, personIDs: batch))
            }
        }
        plan.operations += structural + memberships + deletions
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
