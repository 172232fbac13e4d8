import Foundation
import GRDB

/// A copy of the store in one self-contained file (no `-wal`), for a backup or a support ticket.
///
/// SQLite's `VACUUM INTO` writes a consistent snapshot while the store stays open. Without secrets,
/// the copy's secret rows are then deleted with `secure_delete` on and the copy vacuumed again, so not
/// even a sealed value is left in a free page. The request log is included: tokens were redacted from
/// it before it was stored.
public enum StoreExport {
    public struct Summary: Sendable, Equatable {
        public var path: String
        /// Secrets in the copy (0 without secrets).
        public var secrets: Int
        public var removedSecrets: Int
    }

    static func write(from writer: any DatabaseWriter, to path: String, withoutSecrets: Bool) throws -> Summary {
        // VACUUM INTO wants a file that does not exist or is empty; made here so it is born 0600.
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "the file exists already; choose another name" : String(cString: strerror(errno))
            throw StoreExportError.cannotCreate(path: path, reason: reason)
        }
        close(descriptor)
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [path])
            }
            var configuration = Configuration()
            configuration.label = "scimdeck export"
            let copy = try DatabaseQueue(path: path, configuration: configuration)
            let summary = try copy.writeWithoutTransaction { db -> Summary in
                // The store is WAL; the copy is one file, rolled back by a journal deleted at commit.
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                var removed = 0
                if withoutSecrets {
                    try db.execute(sql: "PRAGMA secure_delete = ON")
                    try db.execute(sql: "DELETE FROM secret")
                    removed = db.changesCount
                    try db.execute(sql: "VACUUM")
                }
                let left = try Int.fetchOne(db, sql: "SELECT count(*) FROM secret") ?? 0
                return Summary(path: path, secrets: left, removedSecrets: removed)
            }
            try copy.close()
            return summary
        } catch {
            unlink(path)
            throw StoreExportError.cannotWrite(path: path, reason: "\(error)")
        }
    }
}

public enum StoreExportError: Error, Equatable, LocalizedError, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreate(path, reason): return "cannot create the export \(path): \(reason)"
        case let .cannotWrite(path, reason): return "cannot write the export \(path): \(reason); nothing was left there"
        }
    }

    public var errorDescription: String? { description }
}
