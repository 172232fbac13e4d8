import Foundation
import GRDB

/// One planned SCIM operation of a run, written before it is sent and updated after,
/// so a run killed at any point resumes with no duplicate and nothing lost.
public struct JournalEntry: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "journalEntry"

    public enum State: String, Codable, Sendable {
        case planned
        case sending
        case succeeded
        case failed
    }

    public var id: Int64?
    public var appId: Int64
    public var runId: String
    /// The operation's place in its run.
    public var sequence: Int
    /// What the operation does, e.g. `createUser`, `deactivateUser`, `patchGroupMembers`.
    public var operation: String
    public var targetKind: RemoteLink.Kind
    public var localId: Int64
    /// The operation's parameters as JSON (never a secret).
    public var payload: String
    public var state: State
    public var remoteId: String?
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, appId: Int64, runId: String, sequence: Int, operation: String, targetKind: RemoteLink.Kind,
        localId: Int64, payload: String = "", state: State = .planned, remoteId: String? = nil, attempts: Int = 0,
        lastError: String? = nil, createdAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.appId = appId
        self.runId = runId
        self.sequence = sequence
        self.operation = operation
        self.targetKind = targetKind
        self.localId = localId
        self.payload = payload
        self.state = state
        self.remoteId = remoteId
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
