import Foundation
import GRDB

/// One run per app at a time, whoever starts it. The lock is a row taken in a write transaction
/// (SQLite serialises those across processes); a row whose process is gone — a killed run — is
/// taken over at once.
public struct AppRunLocks: Sendable {
    let writer: any DatabaseWriter

    public enum Attempt: Sendable, Equatable {
        case acquired
        /// Another live run holds the app.
        case heldBy(AppRunLockRecord)
    }

    /// Takes the app's lock for the run `token`, unless a live run holds it.
    public func acquire(appId: Int64, token: String, holder: String, process: ProcessIdentity = .current) throws -> Attempt {
        try writer.write { db in
            if let current = try AppRunLockRecord.fetchOne(db, key: appId), current.token != token, current.process.isAlive {
                return .heldBy(current)
            }
            try AppRunLockRecord(appId: appId, token: token, holder: holder, pid: process.pid,
                                 processStart: process.startTicks, startedAt: Date()).save(db)
            return .acquired
        }
    }

    /// Gives the lock back; does nothing when `token` no longer holds it.
    public func release(appId: Int64, token: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM appRunLock WHERE appId = ? AND token = ?", arguments: [appId, token])
        }
    }

    /// The live run holding the app, if any (a killed run's row reads as none).
    public func holder(appId: Int64) throws -> AppRunLockRecord? {
        try writer.read { db in try AppRunLockRecord.fetchOne(db, key: appId) }.flatMap { $0.process.isAlive ? $0 : nil }
    }
}
