import GRDB

/// The journal calls a run makes while it sends, as async calls: GRDB's async reads and writes wait
/// suspended, so SQLite's work never holds one of the cooperative threads the requests need.
/// Each call is the same transaction as its `EngineJournal` twin.
public struct RunJournal: Sendable {
    let writer: any DatabaseWriter

    /// The planner's input for the app, and the creates a killed run left unanswered, in one read.
    public func state(appId: Int64, unansweredOperation: String) async throws -> (EngineState, unansweredCreates: [Int64: String]) {
        try await writer.read { db in
            (try EngineJournal.state(db, appId: appId), try EngineJournal.unansweredCreates(db, appId: appId, operation: unansweredOperation))
        }
    }

    /// Closes what a killed run left `sending` (see `EngineJournal.abandonUnfinished`).
    public func abandonUnfinished(appId: Int64) async throws -> Int {
        try await writer.write { db in try EngineJournal.abandonUnfinished(db, appId: appId) }
    }

    public func start(appId: Int64, runId: String, sequence: Int, operation: String, targetKind: RemoteLink.Kind, localId: Int64,
                      payload: String) async throws -> Int64 {
        try await writer.write { db in
            try EngineJournal.start(db, appId: appId, runId: runId, sequence: sequence, operation: operation, targetKind: targetKind,
                                    localId: localId, payload: payload)
        }
    }

    /// Marks the entry finished with its link changes and, for a group, the push status, in one transaction.
    /// A failed group is also asked to be re-read whole by its next push: what the app holds is no longer known.
    public func finish(entryId: Int64, appId: Int64, error: String?, detail: String, changes: [LinkChange],
                       pushStatusOf groups: [Int64]) async throws {
        try await writer.write { db in
            try EngineJournal.finish(db, entryId: entryId, appId: appId, error: error, detail: detail, changes: changes)
            for groupId in groups {
                try EngineJournal.setPushStatus(db, appId: appId, groupId: groupId, error: error)
                if error != nil { try EngineJournal.requestFullPush(db, appId: appId, groupId: groupId) }
            }
        }
    }

    public func remoteUserIds(appId: Int64, personIds: [Int64]) async throws -> [Int64: String] {
        try await writer.read { db in try EngineJournal.remoteUserIds(db, appId: appId, personIds: personIds) }
    }

    public func lastSentUserNames(appId: Int64, personIds: [Int64]) async throws -> [Int64: String] {
        try await writer.read { db in try EngineJournal.lastSentUserNames(db, appId: appId, personIds: personIds) }
    }

    public func localId(appId: Int64, kind: RemoteLink.Kind, remoteId: String) async throws -> Int64? {
        try await writer.read { db in try EngineJournal.localId(db, appId: appId, kind: kind, remoteId: remoteId) }
    }

    public func remoteGroupId(appId: Int64, groupId: Int64) async throws -> String? {
        try await writer.read { db in try EngineJournal.remoteGroupId(db, appId: appId, groupId: groupId) }
    }
}

extension ScimdeckStore {
    /// The journal as a run's ledger writes it, from async code.
    public var runJournal: RunJournal { RunJournal(writer: writer) }
}
