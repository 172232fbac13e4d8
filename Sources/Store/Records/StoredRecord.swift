import GRDB

/// A record of the app side of the store (apps, settings, links, journal, log) that
/// `RecordTable` can create, read, update and delete.
public protocol StoredRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    /// The column holding the app id, for `RecordTable.all(appId:)`; `nil` when the table has none.
    static var appIdColumn: String? { get }
}

extension StoredRecord {
    public static var appIdColumn: String? { "appId" }
}
