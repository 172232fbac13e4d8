/// The store's side of an apply: the operation journal and the links. A Store-backed ledger writes
/// each call in one transaction; an apply killed at any point leaves a journal that says what was
/// sent and links that say only what the app confirmed.
public protocol ProvisioningLedger: Sendable {
    /// Journals the operation as sent, before any request for it leaves; returns the entry's id.
    func operationStarted(_ operation: PlannedOperation) async throws -> Int64
    /// Journals success and records what it changed, together.
    func operationSucceeded(_ entryID: Int64, effects: [ProvisioningEffect], detail: String) async throws
    /// Journals the failure with its reason (and any effect it still had, e.g. a link found gone);
    /// the next run plans the operation again.
    func operationFailed(_ entryID: Int64, reason: String, effects: [ProvisioningEffect]) async throws

    /// The app's id for each linked person among `personIDs`; unlinked people are left out.
    func remoteUserIDs(for personIDs: [Int64]) async throws -> [Int64: String]
    func remoteGroupID(for groupID: Int64) async throws -> String?
    /// The userName last sent to the app for each of `personIDs` (for a member's `display`); unknown ones left out.
    func sentUserNames(for personIDs: [Int64]) async throws -> [Int64: String]
    /// The person or group already linked to this id of the app: a create answered with it made
    /// nothing new (a broken or hostile app), and must not be linked a second time.
    func localID(linkedTo remoteID: String, group: Bool) async throws -> Int64?
}

extension ProvisioningLedger {
    /// A ledger that keeps no links cannot tell: nothing is refused.
    public func localID(linkedTo remoteID: String, group: Bool) async throws -> Int64? { nil }

    /// A ledger that keeps no journal knows no userNames: members go without `display`.
    public func sentUserNames(for personIDs: [Int64]) async throws -> [Int64: String] { [:] }
}
