import Foundation
import GRDB

/// The row that says a run holds an app: who (`holder`, e.g. "scimdeck sync"), which process, since when.
public struct AppRunLockRecord: Codable, FetchableRecord, PersistableRecord, Sendable, Equatable {
    public static let databaseTableName = "appRunLock"

    public var appId: Int64
    /// Random per run: tells two runs of one process apart (the console and its own second sync).
    public var token: String
    public var holder: String
    public var pid: Int32
    public var processStart: Int64?
    public var startedAt: Date

    public var process: ProcessIdentity { ProcessIdentity(pid: pid, startTicks: processStart) }

    /// "scimdeck sync (pid 4242) since 14:03:07".
    public var holderDescription: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = Calendar.current.isDateInToday(startedAt) ? "HH:mm:ss" : "yyyy-MM-dd HH:mm:ss"
        return "\(holder) (pid \(pid)) since \(formatter.string(from: startedAt))"
    }
}
