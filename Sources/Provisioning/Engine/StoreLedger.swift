import Foundation
import JSON
import Store

/// The `ProvisioningLedger` of one run over the store: journal entries and link changes written
/// together, one transaction per call, through GRDB's async writes. An actor: several operations are
/// journaled at once, and the sequence and the entry → group map are its own.
public actor StoreLedger: ProvisioningLedger {
    public nonisolated let runID: String
    private let journal: RunJournal
    private let appID: Int64
    private var sequence = 0
    /// Journal entry → directory group, so a failed group operation marks its push link.
    private var groupOfEntry: [Int64: Int64] = [:]

    public init(store: ScimdeckStore, appID: Int64, runID: String = UUID().uuidString) {
        journal = store.runJournal
        self.appID = appID
        self.runID = runID
    }

    public func operationStarted(_ operation: PlannedOperation) async throws -> Int64 {
        sequence += 1
        let (kind, localID) = Self.target(of: operation)
        let entryID = try await journal.start(appId: appID, runId: runID, sequence: sequence, operation: operation.kind.rawValue,
                                              targetKind: kind, localId: localID, payload: Self.payload(of: operation))
        if kind == .group { groupOfEntry[entryID] = localID }
        return entryID
    }

    public func operationSucceeded(_ entryID: Int64, effects: [ProvisioningEffect], detail: String) async throws {
        try await journal.finish(entryId: entryID, appId: appID, error: nil, detail: detail, changes: effects.map(Self.change),
                                 pushStatusOf: Self.groupsTouched(by: effects))
    }

    public func operationFailed(_ entryID: Int64, reason: String, effects: [ProvisioningEffect]) async throws {
        // The app may have applied a change whose answer failed (a timeout, a 5xx): the group's next push reads it whole.
        try await journal.finish(entryId: entryID, appId: appID, error: reason, detail: "", changes: effects.map(Self.change),
                                 pushStatusOf: groupOfEntry[entryID].map { [$0] } ?? [])
    }

    public func remoteUserIDs(for personIDs: [Int64]) async throws -> [Int64: String] {
        try await journal.remoteUserIds(appId: appID, personIds: personIDs)
    }

    public func sentUserNames(for personIDs: [Int64]) async throws -> [Int64: String] {
        try await journal.lastSentUserNames(appId: appID, personIds: personIDs)
    }

    public func localID(linkedTo remoteID: String, group: Bool) async throws -> Int64? {
        try await journal.localId(appId: appID, kind: group ? .group : .user, remoteId: remoteID)
    }

    public func remoteGroupID(for groupID: Int64) async throws -> String? {
        try await journal.remoteGroupId(appId: appID, groupId: groupID)
    }

    static func change(_ effect: ProvisioningEffect) -> LinkChange {
        switch effect {
        case .userLinked(let personID, let remoteID, let hash, let active):
            return .linkUser(personId: personID, remoteId: remoteID, payloadHash: hash, active: active)
        case .userDeactivated(let personID): return .markUserDeactivated(personId: personID)
        case .userLinkLost(let personID): return .unlinkUser(personId: personID)
        case .groupLinked(let groupID, let remoteID, let name): return .linkGroup(groupId: groupID, remoteId: remoteID, name: name)
        case .groupRenamed(let groupID, let name): return .renameGroup(groupId: groupID, name: name)
        case .membersAdded(let groupID, let personIDs): return .addPushedMembers(groupId: groupID, personIds: personIDs)
        case .membersRemoved(let groupID, let personIDs): return .removePushedMembers(groupId: groupID, personIds: personIDs)
        case .groupUnlinked(let groupID): return .unlinkGroup(groupId: groupID)
        case .membersObserved(let groupID, let personIDs): return .replacePushedMembers(groupId: groupID, personIds: personIDs)
        }
    }

    private static func groupsTouched(by effects: [ProvisioningEffect]) -> [Int64] {
        effects.compactMap { effect in
            switch effect {
            case .groupLinked(let groupID, _, _), .groupRenamed(let groupID, _), .membersAdded(let groupID, _), .membersRemoved(let groupID, _):
                return groupID
            default:
                return nil
            }
        }
    }

    static func target(of operation: PlannedOperation) -> (RemoteLink.Kind, Int64) {
        switch operation {
        case .provisionUser(let id, _), .updateUser(let id, _, _), .deactivateUser(let id, _), .reactivateUser(let id, _, _),
             .settleUncertainUser(let id, _):
            return (.user, id)
        case .createGroup(let id, _, _), .renameGroup(let id, _, _), .addMembers(let id, _), .removeMembers(let id, _),
             .deleteGroup(let id, _), .forgetGroup(let id), .removeRemoteMembers(let id, _), .deleteDuplicateGroup(let id, _):
            return (.group, id)
        }
    }

    /// What the journal keeps of an operation: enough to list and retry it, never a secret.
    static func payload(of operation: PlannedOperation) -> String {
        var fields: [String: Any] = ["kind": operation.kind.rawValue]
        switch operation {
        case .provisionUser(_, let profile): fields["userName"] = profile.userName ?? ""
        case .updateUser(_, let remoteID, let profile), .reactivateUser(_, let remoteID, let profile):
            fields["remoteId"] = remoteID
            fields["userName"] = profile.userName ?? ""
        case .deactivateUser(_, let remoteID), .deleteGroup(_, let remoteID), .deleteDuplicateGroup(_, let remoteID): fields["remoteId"] = remoteID
        case .createGroup(_, let name, _): fields["displayName"] = name
        case .renameGroup(_, let remoteID, let name):
            fields["remoteId"] = remoteID
            fields["displayName"] = name
        case .addMembers(_, let personIDs), .removeMembers(_, let personIDs): fields["members"] = personIDs.count
        case .settleUncertainUser(_, let userName): fields["userName"] = userName
        case .removeRemoteMembers(_, let remoteIDs): fields["members"] = remoteIDs.count
        case .forgetGroup: break
        }
        return JSONValue.object(fields.mapValues { ($0 as? Int).map(JSONValue.int) ?? .string("\($0)") }).encodedText()
    }
}
