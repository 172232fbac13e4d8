import SCIM

/// Compares what the app holds with the directory: links what matches (userName without case,
/// displayName exactly) and reports drift. Pure: the caller reads the app and writes the links.
public struct Reconciler: Sendable {
    public init() {}

    public func reconcile(_ snapshot: ProvisioningSnapshot, remoteUsers: [SCIMUser], remoteGroups: [SCIMGroup]) throws(ProfileMapper.InvalidMapping) -> ReconcileReport {
        var report = ReconcileReport()
        let mapper = try ProfileMapper(mappings: snapshot.mappings)
        var remoteByUserName: [String: SCIMUser] = [:]
        var remoteByID: [String: SCIMUser] = [:]
        for user in remoteUsers {
            if let userName = user.userName { remoteByUserName[userName.lowercased()] = user }
            if let id = user.id { remoteByID[id] = user }
        }

        var personByRemoteID: [String: Int64] = [:]
        var knownUserNames: Set<String> = []
        for person in snapshot.people {
            let profile = mapper.map(person.profile)
            if let userName = profile.userName { knownUserNames.insert(userName.lowercased()) }
            if let link = snapshot.userLinks[person.id] {
                guard remoteByID[link.remoteID] != nil else {
                    report.missingRemoteUsers.append(person.id)
                    continue
                }
                // Attribute drift comes from the full sync's computation (the engine fills it in).
                personByRemoteID[link.remoteID] = person.id
            } else if let userName = profile.userName, let remote = remoteByUserName[userName.lowercased()], let remoteID = remote.id,
                      personByRemoteID[remoteID] == nil {
                personByRemoteID[remoteID] = person.id
                report.linkedUsers.append(.init(personID: person.id, userName: userName, remoteID: remoteID))
            }
        }
        report.unknownRemoteUsers = remoteUsers.compactMap { user in
            guard let userName = user.userName, !knownUserNames.contains(userName.lowercased()) else { return nil }
            return userName
        }.sorted()

        reconcileGroups(snapshot, remoteGroups: remoteGroups, personByRemoteID: personByRemoteID, into: &report)
        return report
    }

    private func reconcileGroups(_ snapshot: ProvisioningSnapshot, remoteGroups: [SCIMGroup], personByRemoteID: [String: Int64], into report: inout ReconcileReport) {
        let groupsByID = Dictionary(snapshot.groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let remoteByID = Dictionary(remoteGroups.compactMap { group in group.id.map { ($0, group) } }, uniquingKeysWith: { first, _ in first })
        var claimed: Set<String> = Set(snapshot.groupPushes.compactMap(\.remoteID))
        for push in snapshot.groupPushes {
            guard let group = groupsByID[push.groupID] else { continue }
            let remote: SCIMGroup
            if let remoteID = push.remoteID {
                guard let found = remoteByID[remoteID] else { continue }
                remote = found
            } else {
                guard let found = remoteGroups.first(where: { $0.displayName == group.name && $0.id.map { !claimed.contains($0) } == true }),
                      let remoteID = found.id else { continue }
                claimed.insert(remoteID)
                report.linkedGroups.append(.init(groupID: group.id, name: group.name, remoteID: remoteID))
                remote = found
            }
            let appMembers = Set(remote.members.compactMap { $0.value.flatMap { personByRemoteID[$0] } })
            let directoryMembers = Set(group.memberIDs.filter { id in
                snapshot.userLinks[id].map { $0.isActive } ?? report.linkedUsers.contains { $0.personID == id }
            })
            let missing = directoryMembers.subtracting(appMembers).count
            let extra = appMembers.subtracting(directoryMembers).count
            if missing > 0 || extra > 0 || appMembers != push.pushedMemberIDs {
                report.memberDrift.append(.init(group: group.name, missingInApp: missing, extraInApp: extra, appMembers: appMembers.sorted()))
            }
        }
    }
}
