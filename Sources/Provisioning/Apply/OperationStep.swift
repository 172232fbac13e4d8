/// One planned operation turned into requests to the app, and what it changed.
struct OperationStep: Sendable {
    struct Outcome: Sendable {
        var effects: [ProvisioningEffect]
        var detail: String
    }

    /// A failure that still changed what scimdeck knows (a linked resource found gone).
    struct Failure: Error, Sendable {
        var reason: String
        var effects: [ProvisioningEffect]
    }

    let target: any ProvisioningTarget
    let ledger: any ProvisioningLedger
    let updatesLinkedUsers: Bool

    func perform(_ operation: PlannedOperation) async throws -> Outcome {
        switch operation {
        case .provisionUser(let personID, let profile):
            return try await provision(personID: personID, profile: profile)

        case .updateUser(_, let remoteID, let profile):
            do {
                try await target.updateUser(id: remoteID, profile: profile, active: true)
            } catch {
                return try finishUserChange(operation, error: error)
            }
            return try finishUserChange(operation, error: nil)

        case .deactivateUser(_, let remoteID):
            do {
                try await target.setUserActive(id: remoteID, false)
            } catch {
                return try finishUserChange(operation, error: error)
            }
            return try finishUserChange(operation, error: nil)

        case .reactivateUser(_, let remoteID, let profile):
            do {
                try await target.setUserActive(id: remoteID, true)
                if updatesLinkedUsers {
                    try await target.updateUser(id: remoteID, profile: profile, active: true)
                }
            } catch {
                return try finishUserChange(operation, error: error)
            }
            return try finishUserChange(operation, error: nil)

        case .createGroup(let groupID, let name, let members):
            if let existing = try await target.findGroups(displayName: name).first {
                return try await link(groupID: groupID, name: name, existing: existing, keeping: members)
            }
            let remoteID: String
            do {
                remoteID = try await target.createGroup(displayName: name)
            } catch ProvisioningTargetError.alreadyExists {
                // Made by someone else since the lookup (or the app's lookup lags): link it, as for users.
                guard let existing = try await target.findGroups(displayName: name).first else {
                    throw Failure(reason: "the app says group \(name) exists (409) but no lookup finds it", effects: [])
                }
                return try await link(groupID: groupID, name: name, existing: existing, keeping: members)
            }
            try await refuseIfLinkedElsewhere(remoteID, group: true, localID: groupID, what: "group \(name)")
            return Outcome(effects: [.groupLinked(groupID: groupID, remoteID: remoteID, name: name)], detail: "created \(remoteID)")

        case .renameGroup(let groupID, let remoteID, let name):
            try await target.renameGroup(id: remoteID, to: name)
            return Outcome(effects: [.groupRenamed(groupID: groupID, name: name)], detail: "renamed")

        case .addMembers(let groupID, let personIDs):
            return try await changeMembers(groupID: groupID, personIDs: personIDs, adding: true)

        case .removeMembers(let groupID, let personIDs):
            return try await changeMembers(groupID: groupID, personIDs: personIDs, adding: false)

        case .deleteGroup(let groupID, let remoteID):
            do {
                try await target.deleteGroup(id: remoteID)
            } catch ProvisioningTargetError.notFound {
                return Outcome(effects: [.groupUnlinked(groupID: groupID)], detail: "already gone from the app")
            }
            return Outcome(effects: [.groupUnlinked(groupID: groupID)], detail: "deleted in the app")

        case .forgetGroup(let groupID):
            return Outcome(effects: [.groupUnlinked(groupID: groupID)], detail: "unlinked; the app keeps the group")

        case .settleUncertainUser(let personID, let userName):
            guard let existing = try await target.findUser(userName: userName) else {
                return Outcome(effects: [], detail: "the app never made \(userName)")
            }
            if existing.active { try await target.setUserActive(id: existing.id, false) }
            return Outcome(effects: [.userLinked(personID: personID, remoteID: existing.id, payloadHash: nil, active: false)],
                           detail: "the app made \(userName) after all: linked and deactivated")

        case .removeRemoteMembers(let groupID, let remoteIDs):
            guard let remoteGroupID = try await ledger.remoteGroupID(for: groupID) else {
                throw Failure(reason: "the group is not in the app yet (its create failed)", effects: [])
            }
            do {
                try await target.changeMembers(groupID: remoteGroupID, add: [], remove: remoteIDs)
            } catch ProvisioningTargetError.notFound(let what) {
                throw Failure(reason: "\(what) was removed in the app; the next full sync creates it again", effects: [])
            }
            // No link names these members, so nothing scimdeck knows changes.
            return Outcome(effects: [], detail: "removed \(remoteIDs.count) stray members")

        case .deleteDuplicateGroup(let groupID, let remoteID):
            // The plan was made from a read; the link may have moved since. Never delete the linked group.
            if try await ledger.remoteGroupID(for: groupID) == remoteID {
                throw Failure(reason: "refused: \(remoteID) is the group scimdeck links, not a duplicate", effects: [])
            }
            do {
                try await target.deleteGroup(id: remoteID)
            } catch ProvisioningTargetError.notFound {
                return Outcome(effects: [], detail: "duplicate \(remoteID) already gone from the app")
            }
            return Outcome(effects: [], detail: "deleted duplicate \(remoteID)")
        }
    }

    /// The change an update, deactivation or reactivation makes to a user the app holds; nil for
    /// any other operation. A target may send many such changes in one request.
    func userChange(for operation: PlannedOperation) -> UserChange? {
        switch operation {
        case .updateUser(_, let remoteID, let profile):
            return UserChange(remoteID: remoteID, profile: profile, active: true)
        case .deactivateUser(_, let remoteID):
            return UserChange(remoteID: remoteID, profile: nil, active: false)
        case .reactivateUser(_, let remoteID, let profile):
            return UserChange(remoteID: remoteID, profile: updatesLinkedUsers ? profile : nil, active: true)
        default:
            return nil
        }
    }

    /// What an update, deactivation or reactivation changed, given the error it met (nil when done),
    /// whether it was sent on its own or within a batch. A user found gone (404) loses its link: a
    /// deactivation is then done, an update or reactivation fails and the next run provisions it again.
    func finishUserChange(_ operation: PlannedOperation, error: (any Error)?) throws -> Outcome {
        let lost: String?
        if case .notFound(let what)? = error as? ProvisioningTargetError {
            lost = what
        } else if let error {
            throw error
        } else {
            lost = nil
        }
        switch operation {
        case .updateUser(let personID, let remoteID, let profile):
            if let lost { throw Failure(reason: "\(lost) was removed in the app; it will be provisioned again", effects: [.userLinkLost(personID: personID)]) }
            return Outcome(effects: [.userLinked(personID: personID, remoteID: remoteID, payloadHash: profile.payloadHash, active: true)], detail: "updated")
        case .deactivateUser(let personID, _):
            if lost != nil { return Outcome(effects: [.userLinkLost(personID: personID)], detail: "already gone from the app") }
            return Outcome(effects: [.userDeactivated(personID: personID)], detail: "deactivated")
        case .reactivateUser(let personID, let remoteID, let profile):
            if let lost { throw Failure(reason: "\(lost) was removed in the app; it will be provisioned again", effects: [.userLinkLost(personID: personID)]) }
            let hash = updatesLinkedUsers ? profile.payloadHash : nil
            return Outcome(effects: [.userLinked(personID: personID, remoteID: remoteID, payloadHash: hash, active: true)], detail: "reactivated")
        default:
            throw Failure(reason: "not a change to a user the app holds: \(operation.kind.rawValue)", effects: [])
        }
    }

    /// Looks the userName up first (a create that was sent but whose answer was lost must not make
    /// a second user), links what it finds, else creates; a 409 means someone else just created it.
    private func provision(personID: Int64, profile: MappedProfile) async throws -> Outcome {
        guard let userName = profile.userName else {
            throw Failure(reason: "the userName mapping gives no value", effects: [])
        }
        if let existing = try await target.findUser(userName: userName) {
            return try await link(personID: personID, existing: existing, profile: profile)
        }
        do {
            let remoteID = try await target.createUser(profile)
            try await refuseIfLinkedElsewhere(remoteID, group: false, localID: personID, what: "user \(userName)")
            return Outcome(effects: [.userLinked(personID: personID, remoteID: remoteID, payloadHash: profile.payloadHash, active: true)], detail: "created \(remoteID)")
        } catch ProvisioningTargetError.alreadyExists {
            guard let existing = try await target.findUser(userName: userName) else {
                throw Failure(reason: "the app says \(userName) exists (409) but no lookup finds it", effects: [])
            }
            return try await link(personID: personID, existing: existing, profile: profile)
        }
    }

    /// A create answered with the id of a resource already linked to someone else made nothing new:
    /// linking it would tie two people (or groups) to one account. Refused, left for the admin to see.
    private func refuseIfLinkedElsewhere(_ remoteID: String, group: Bool, localID: Int64, what: String) async throws {
        guard let other = try await ledger.localID(linkedTo: remoteID, group: group), other != localID else { return }
        let kind = group ? "group" : "person"
        throw Failure(reason: "the app answered the create of \(what) with id \(remoteID), which is already linked to another \(kind) (\(other)): refused, not linked; check the app for a wrong answer to POST", effects: [])
    }

    private func link(personID: Int64, existing: RemoteUser, profile: MappedProfile) async throws -> Outcome {
        if updatesLinkedUsers {
            try await target.updateUser(id: existing.id, profile: profile, active: true)
            return Outcome(effects: [.userLinked(personID: personID, remoteID: existing.id, payloadHash: profile.payloadHash, active: true)], detail: "linked the app's user \(existing.id) and updated it")
        }
        if !existing.active {
            try await target.setUserActive(id: existing.id, true)
        }
        return Outcome(effects: [.userLinked(personID: personID, remoteID: existing.id, payloadHash: nil, active: true)], detail: "linked the app's user \(existing.id)")
    }

    /// Links the app's group of that name, emptied of members the directory does not give it.
    private func link(groupID: Int64, name: String, existing: String, keeping members: [Int64]) async throws -> Outcome {
        let removed = try await removeStrays(fromExisting: existing, keeping: members)
        let detail = "linked the app's group \(existing)" + (removed == 0 ? "" : " and removed \(removed) members the directory does not give it")
        return Outcome(effects: [.groupLinked(groupID: groupID, remoteID: existing, name: name)], detail: detail)
    }

    /// Empties an adopted group of everyone but `members` (whom the plan's adds then send); the
    /// target sends the removals in its own bounded batches. Returns how many were removed.
    private func removeStrays(fromExisting remoteGroupID: String, keeping members: [Int64]) async throws -> Int {
        let present = try await target.groupMembers(id: remoteGroupID)
        guard !present.isEmpty else { return 0 }
        let kept = Set(try await ledger.remoteUserIDs(for: members).values)
        let strays = present.filter { !kept.contains($0) }
        if !strays.isEmpty { try await target.changeMembers(groupID: remoteGroupID, add: [], remove: strays) }
        return strays.count
    }

    /// People without a link (their create failed) are left out of an add and planned again next run.
    private func changeMembers(groupID: Int64, personIDs: [Int64], adding: Bool) async throws -> Outcome {
        guard let remoteGroupID = try await ledger.remoteGroupID(for: groupID) else {
            throw Failure(reason: "the group is not in the app yet (its create failed)", effects: [])
        }
        let remoteIDs = try await ledger.remoteUserIDs(for: personIDs)
        let present = personIDs.filter { remoteIDs[$0] != nil }
        let ids = present.compactMap { remoteIDs[$0] }
        if !ids.isEmpty {
            do {
                if adding {
                    let names = try await ledger.sentUserNames(for: present)
                    var displays: [String: String] = [:]
                    for personID in present {
                        if let remoteID = remoteIDs[personID], let name = names[personID] { displays[remoteID] = name }
                    }
                    try await target.changeMembers(groupID: remoteGroupID, add: ids, remove: [], displays: displays)
                } else {
                    try await target.changeMembers(groupID: remoteGroupID, add: [], remove: ids)
                }
            } catch ProvisioningTargetError.notFound(let what) {
                throw Failure(reason: "\(what) was removed in the app; unlink and push it again", effects: [])
            }
        }
        if adding {
            let skipped = personIDs.count - present.count
            let detail = skipped == 0 ? "added \(ids.count)" : "added \(ids.count); \(skipped) not in the app yet"
            return Outcome(effects: [.membersAdded(groupID: groupID, personIDs: present)], detail: detail)
        }
        // A person with no link is not in the app's group either: removed all the same.
        return Outcome(effects: [.membersRemoved(groupID: groupID, personIDs: personIDs)], detail: "removed \(ids.count)")
    }
}
