import Provisioning

/// The journal and links kept in memory, with the same meaning a Store-backed ledger gives them.
actor MemoryLedger: ProvisioningLedger {
    struct Entry: Equatable { var operation: PlannedOperation; var state: String; var detail: String }

    private(set) var entries: [Int64: Entry] = [:]
    private(set) var userLinks: [Int64: ProvisioningSnapshot.UserLink] = [:]
    private(set) var groupPushes: [Int64: ProvisioningSnapshot.GroupPush] = [:]

    func operationStarted(_ operation: PlannedOperation) async throws -> Int64 {
        let id = Int64(entries.count + 1)
        entries[id] = Entry(operation: operation, state: "sent", detail: "")
        return id
    }

    func operationSucceeded(_ entryID: Int64, effects: [ProvisioningEffect], detail: String) async throws {
        entries[entryID]?.state = "done"
        entries[entryID]?.detail = detail
        effects.forEach(record)
    }

    func operationFailed(_ entryID: Int64, reason: String, effects: [ProvisioningEffect]) async throws {
        entries[entryID]?.state = "failed"
        entries[entryID]?.detail = reason
        effects.forEach(record)
    }

    func remoteUserIDs(for personIDs: [Int64]) async throws -> [Int64: String] {
        var found: [Int64: String] = [:]
        for id in personIDs { found[id] = userLinks[id]?.remoteID }
        return found
    }

    func remoteGroupID(for groupID: Int64) async throws -> String? {
        groupPushes[groupID]?.remoteID
    }

    /// A group linked for push before any run, as the Push Groups tab would record it.
    func push(groupID: Int64) {
        groupPushes[groupID] = groupPushes[groupID] ?? ProvisioningSnapshot.GroupPush(groupID: groupID)
    }

    func requestUnlink(groupID: Int64, delete: Bool) {
        groupPushes[groupID]?.unlink = delete ? .deleteInTarget : .keepInTarget
    }

    func states() -> [String] {
        entries.keys.sorted().compactMap { entries[$0]?.state }
    }

    private func record(_ effect: ProvisioningEffect) {
        switch effect {
        case .userLinked(let personID, let remoteID, let hash, let active):
            let previous = userLinks[personID]?.payloadHash
            userLinks[personID] = .init(remoteID: remoteID, payloadHash: hash ?? previous, isActive: active)
        case .userDeactivated(let personID):
            userLinks[personID]?.isActive = false
        case .userLinkLost(let personID):
            userLinks[personID] = nil
        case .groupLinked(let groupID, let remoteID, let name):
            groupPushes[groupID, default: .init(groupID: groupID)].remoteID = remoteID
            groupPushes[groupID]?.pushedName = name
            groupPushes[groupID]?.pushedMemberIDs = []
        case .groupRenamed(let groupID, let name):
            groupPushes[groupID]?.pushedName = name
        case .membersAdded(let groupID, let personIDs):
            groupPushes[groupID]?.pushedMemberIDs.formUnion(personIDs)
        case .membersRemoved(let groupID, let personIDs):
            groupPushes[groupID]?.pushedMemberIDs.subtract(personIDs)
        case .groupUnlinked(let groupID):
            groupPushes[groupID] = nil
        case .membersObserved(let groupID, let personIDs):
            groupPushes[groupID]?.pushedMemberIDs = Set(personIDs)
        }
    }
}
