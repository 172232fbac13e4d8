import SCIM

/// Turns a read of the app into the plan that corrects it. The snapshot's links are replaced by
/// what the app really holds (users gone, `active`, attributes that differ, group names and
/// members), the ordinary `Planner` plans from that, and what it cannot express — members no
/// directory person is linked to, duplicate groups — is added. One computation serves
/// `sync --full`, `reconcile` (which applies nothing) and Push Now (which reads only its groups).
public struct FullSyncPlanner: Sendable {
    public struct Result: Sendable {
        public var plan: Plan
        public var corrections: [DriftCorrection]
        /// Where the read showed scimdeck's links to be wrong, to record before the plan is applied:
        /// a run killed after recording leaves the store nearer the truth, never further from it.
        public var observations: [ProvisioningEffect]
    }

    public var memberBatchSize: Int
    /// Delete the other groups of a pushed group's name (else they are only reported).
    public var fixDuplicates: Bool

    public init(memberBatchSize: Int = 100, fixDuplicates: Bool = false) {
        self.memberBatchSize = max(1, memberBatchSize)
        self.fixDuplicates = fixDuplicates
    }

    public func plan(_ snapshot: ProvisioningSnapshot, reading: AppReading) throws(ProfileMapper.InvalidMapping) -> Result {
        var work = Work(snapshot: snapshot, reading: reading, mapper: try ProfileMapper(mappings: snapshot.mappings))
        work.readUsers()
        work.readGroups(fixDuplicates: fixDuplicates, memberBatchSize: memberBatchSize)
        var plan = try Planner(memberBatchSize: memberBatchSize).plan(work.corrected)
        plan.operations += work.extraOperations
        work.noteMemberDrift(in: plan)
        let subjects = Set(plan.operations.map(\.subject))
        let corrections = work.corrections.map { Self.handled($0, subjects: subjects, toggles: snapshot.settings) }
        return Result(plan: plan, corrections: corrections, observations: work.observations)
    }

    /// Planned when an operation of the plan targets its subject; else held back, with why.
    static func handled(_ correction: DriftCorrection, subjects: Set<DriftCorrection.Subject>, toggles: ProvisioningToggles) -> DriftCorrection {
        var correction = correction
        guard correction.handling == .planned else { return correction }
        if case .attribute = correction.difference, !toggles.updateUserAttributes {
            correction.handling = .heldBack(.updateUserAttributesOff)
            return correction
        }
        if subjects.contains(correction.subject) { return correction }
        switch correction.difference {
        case .inactiveInApp where !toggles.deactivateUsers, .activeInApp where !toggles.deactivateUsers:
            correction.handling = .heldBack(.deactivateUsersOff)
        case .userDeleted where !toggles.createUsers:
            correction.handling = .heldBack(.createUsersOff)
        default:
            correction.handling = .heldBack(.notPlanned)
        }
        return correction
    }

    /// The snapshot being corrected, and what was found on the way.
    private struct Work {
        let snapshot: ProvisioningSnapshot
        let reading: AppReading
        let mapper: ProfileMapper
        var corrected: ProvisioningSnapshot
        var corrections: [DriftCorrection] = []
        var observations: [ProvisioningEffect] = []
        var extraOperations: [PlannedOperation] = []
        /// Linked people the app still holds, by the app's id.
        var personByRemoteID: [String: Int64] = [:]
        /// Names to show for people and app users.
        var userNameByRemoteID: [String: String] = [:]
        var lostUserName: [String: String] = [:]
        var userNameByPerson: [Int64: String] = [:]
        /// Groups whose members the read saw (linked and present in the app).
        var readGroupIDs: Set<Int64> = []

        init(snapshot: ProvisioningSnapshot, reading: AppReading, mapper: ProfileMapper) {
            self.snapshot = snapshot
            self.reading = reading
            self.mapper = mapper
            corrected = snapshot
        }

        mutating func readUsers() {
            for user in reading.users {
                if let id = user.id, let userName = user.userName { userNameByRemoteID[id] = userName }
            }
            guard reading.readUsers else {
                for (personID, link) in snapshot.userLinks { personByRemoteID[link.remoteID] = personID }
                for person in snapshot.people { userNameByPerson[person.id] = person.login }
                return
            }
            let inScope = snapshot.inScopePersonIDs()
            let usersByID = Dictionary(reading.users.compactMap { user in user.id.map { ($0, user) } }, uniquingKeysWith: { first, _ in first })
            let linkedRemoteIDs = Set(snapshot.userLinks.values.map(\.remoteID))
            var usersByName: [String: SCIMUser] = [:]
            for user in reading.users {
                guard let userName = user.userName, let id = user.id, !linkedRemoteIDs.contains(id) else { continue }
                usersByName[userName.lowercased()] = usersByName[userName.lowercased()] ?? user
            }
            for person in snapshot.people {
                userNameByPerson[person.id] = person.login
                guard let link = snapshot.userLinks[person.id] else { continue }
                guard let remote = usersByID[link.remoteID] else {
                    corrected.userLinks[person.id] = nil
                    observations.append(.userLinkLost(personID: person.id))
                    lostUserName[link.remoteID] = person.login
                    guard inScope.contains(person.id) else { continue }
                    let userName = mapper.map(person.profile).userName
                    let relink = userName.flatMap { usersByName[$0.lowercased()]?.id }
                    corrections.append(DriftCorrection(subject: .user(personID: person.id), label: userName ?? person.login, difference: .userDeleted(relinkTo: relink)))
                    continue
                }
                personByRemoteID[link.remoteID] = person.id
                let label = remote.userName ?? person.login
                userNameByPerson[person.id] = label
                if remote.active != link.isActive {
                    corrected.userLinks[person.id]?.isActive = remote.active
                    observations.append(remote.active
                        ? .userLinked(personID: person.id, remoteID: link.remoteID, payloadHash: nil, active: true)
                        : .userDeactivated(personID: person.id))
                }
                guard inScope.contains(person.id) else {
                    if remote.active { corrections.append(DriftCorrection(subject: .user(personID: person.id), label: label, difference: .activeInApp)) }
                    continue
                }
                if !remote.active {
                    corrections.append(DriftCorrection(subject: .user(personID: person.id), label: label, difference: .inactiveInApp))
                }
                var drifted = false
                for (attribute, value) in mapper.map(person.profile).updatable.values {
                    let inApp = ProfileEncoder.value(at: attribute, in: remote)
                    guard !Self.same(attribute, inApp, value) else { continue }
                    drifted = true
                    corrections.append(DriftCorrection(subject: .user(personID: person.id), label: label,
                                                       difference: .attribute(attribute, inApp: inApp, inDirectory: value)))
                }
                // No hash matches the app's copy any more: the planner sends the profile again.
                if drifted { corrected.userLinks[person.id]?.payloadHash = nil }
            }
            readTombstones(usersByID)
        }

        /// Links kept for people removed from the directory: out of scope, so active in the app is drift.
        private mutating func readTombstones(_ usersByID: [String: SCIMUser]) {
            let inDirectory = Set(snapshot.people.map(\.id))
            for (personID, link) in snapshot.userLinks.sorted(by: { $0.key < $1.key }) where !inDirectory.contains(personID) {
                guard let remote = usersByID[link.remoteID] else {
                    corrected.userLinks[personID] = nil
                    observations.append(.userLinkLost(personID: personID))
                    continue
                }
                personByRemoteID[link.remoteID] = personID
                let label = remote.userName ?? link.remoteID
                userNameByPerson[personID] = label
                if remote.active != link.isActive {
                    corrected.userLinks[personID]?.isActive = remote.active
                    observations.append(remote.active
                        ? .userLinked(personID: personID, remoteID: link.remoteID, payloadHash: nil, active: true)
                        : .userDeactivated(personID: personID))
                }
                if remote.active {
                    corrections.append(DriftCorrection(subject: .user(personID: personID), label: label, difference: .activeInApp))
                }
            }
        }

        /// Empty and absent are one; userName is compared without case, as everywhere.
        static func same(_ attribute: String, _ inApp: String?, _ inDirectory: String?) -> Bool {
            let app = inApp ?? "", directory = inDirectory ?? ""
            if attribute == "userName" { return app.lowercased() == directory.lowercased() }
            return app == directory
        }

        mutating func readGroups(fixDuplicates: Bool, memberBatchSize: Int) {
            let groupsByID = Dictionary(snapshot.groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let remoteByID = Dictionary(reading.groups.compactMap { group in group.id.map { ($0, group) } }, uniquingKeysWith: { first, _ in first })
            let claimed = Set(snapshot.groupPushes.compactMap(\.remoteID))
            let inScope = snapshot.inScopePersonIDs()
            for (index, push) in snapshot.groupPushes.enumerated() {
                guard push.unlink == nil, let group = groupsByID[push.groupID],
                      let remoteID = push.remoteID, reading.looked(forGroup: remoteID) else { continue }
                let subject = DriftCorrection.Subject.group(groupID: group.id)
                let namesakes = reading.groups.compactMap { other -> String? in
                    guard other.displayName == group.name, let id = other.id, id != remoteID, !claimed.contains(id) else { return nil }
                    return id
                }
                guard let remote = remoteByID[remoteID] else {
                    corrected.groupPushes[index].remoteID = nil
                    corrected.groupPushes[index].pushedName = nil
                    corrected.groupPushes[index].pushedMemberIDs = []
                    let relink = namesakes.count == 1 ? namesakes.first : nil
                    corrections.append(DriftCorrection(subject: subject, label: group.name, difference: .groupDeleted(relinkTo: relink)))
                    if let relink, let found = remoteByID[relink] {
                        removeStrays(of: found, from: group, inScope: inScope, memberBatchSize: memberBatchSize)
                    }
                    if namesakes.count > 1 {
                        for id in namesakes {
                            corrections.append(DriftCorrection(subject: subject, label: group.name, difference: .duplicateGroup(remoteID: id),
                                                               handling: .heldBack(.awaitingRelink)))
                        }
                    }
                    continue
                }
                readGroupIDs.insert(group.id)
                let appName = remote.displayName ?? ""
                if appName != push.pushedName {
                    corrected.groupPushes[index].pushedName = appName
                    observations.append(.groupRenamed(groupID: group.id, name: appName))
                }
                if appName != group.name {
                    corrections.append(DriftCorrection(subject: subject, label: group.name, difference: .groupRenamed(inApp: appName)))
                }

                var members: Set<Int64> = []
                var strays: [String] = []
                for member in remote.members {
                    guard let id = member.value else { continue }
                    if let personID = personByRemoteID[id] { members.insert(personID) } else { strays.append(id) }
                }
                if members != push.pushedMemberIDs {
                    corrected.groupPushes[index].pushedMemberIDs = members
                    observations.append(.membersObserved(groupID: group.id, personIDs: members.sorted()))
                }
                for id in strays {
                    let name = userNameByRemoteID[id] ?? lostUserName[id].map { "\($0) (deleted in the app)" } ?? id
                    corrections.append(DriftCorrection(subject: subject, label: group.name, difference: .strayMember(personID: nil, remoteID: id, name: name)))
                }
                for batch in strays.chunked(memberBatchSize) {
                    extraOperations.append(.removeRemoteMembers(groupID: group.id, remoteIDs: batch))
                }
                for id in namesakes {
                    if fixDuplicates {
                        extraOperations.append(.deleteDuplicateGroup(groupID: group.id, remoteID: id))
                        corrections.append(DriftCorrection(subject: subject, label: group.name, difference: .duplicateGroup(remoteID: id)))
                    } else {
                        corrections.append(DriftCorrection(subject: subject, label: group.name, difference: .duplicateGroup(remoteID: id),
                                                           handling: .heldBack(.duplicatesKept)))
                    }
                }
            }
        }

        /// The group a deleted one is relinked to may hold anyone: the planner adds the directory's
        /// members to it (it knows of none there), and this removes the app's members it should not
        /// hold, by their ids in the app.
        private mutating func removeStrays(of remote: SCIMGroup, from group: ProvisioningSnapshot.Group, inScope: Set<Int64>, memberBatchSize: Int) {
            let wanted = Set(group.memberIDs).intersection(inScope)
            var strays: [String] = []
            for member in remote.members {
                guard let id = member.value else { continue }
                if let personID = personByRemoteID[id], wanted.contains(personID) { continue }
                strays.append(id)
                let name = userNameByRemoteID[id] ?? lostUserName[id].map { "\($0) (deleted in the app)" } ?? id
                corrections.append(DriftCorrection(subject: .group(groupID: group.id), label: group.name,
                                                   difference: .strayMember(personID: personByRemoteID[id], remoteID: id, name: name)))
            }
            for batch in strays.chunked(memberBatchSize) {
                extraOperations.append(.removeRemoteMembers(groupID: group.id, remoteIDs: batch))
            }
        }

        /// Member drift is what the plan sends because of the read: a removal of someone scimdeck did
        /// not believe was there (a stray), an add of someone it believed was (missing). Adds and
        /// removals the directory asked for are ordinary work, not drift.
        mutating func noteMemberDrift(in plan: Plan) {
            let believed = Dictionary(snapshot.groupPushes.map { ($0.groupID, $0.pushedMemberIDs) }, uniquingKeysWith: { first, _ in first })
            let names = Dictionary(snapshot.groups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            var remoteIDByPerson: [Int64: String] = [:]
            for (remoteID, personID) in personByRemoteID { remoteIDByPerson[personID] = remoteID }
            for operation in plan.operations {
                switch operation {
                case .removeMembers(let groupID, let personIDs) where readGroupIDs.contains(groupID):
                    for personID in personIDs where believed[groupID]?.contains(personID) != true {
                        corrections.append(DriftCorrection(
                            subject: .group(groupID: groupID), label: names[groupID] ?? "#\(groupID)",
                            difference: .strayMember(personID: personID, remoteID: remoteIDByPerson[personID] ?? "", name: userNameByPerson[personID] ?? "#\(personID)")))
                    }
                case .addMembers(let groupID, let personIDs) where readGroupIDs.contains(groupID):
                    for personID in personIDs where believed[groupID]?.contains(personID) == true {
                        corrections.append(DriftCorrection(
                            subject: .group(groupID: groupID), label: names[groupID] ?? "#\(groupID)",
                            difference: .missingMember(personID: personID, name: userNameByPerson[personID] ?? "#\(personID)")))
                    }
                default:
                    break
                }
            }
        }
    }
}

extension PlannedOperation {
    /// The directory person or group the operation changes in the app.
    public var subject: DriftCorrection.Subject {
        switch self {
        case .provisionUser(let id, _), .updateUser(let id, _, _), .deactivateUser(let id, _), .reactivateUser(let id, _, _),
             .settleUncertainUser(let id, _):
            return .user(personID: id)
        case .createGroup(let id, _, _), .renameGroup(let id, _, _), .addMembers(let id, _), .removeMembers(let id, _),
             .deleteGroup(let id, _), .forgetGroup(let id), .removeRemoteMembers(let id, _), .deleteDuplicateGroup(let id, _):
            return .group(groupID: id)
        }
    }
}
