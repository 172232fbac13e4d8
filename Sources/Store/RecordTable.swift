import GRDB

/// Basic create, read, update and delete for one kind of app-side record.
public struct RecordTable<Record: StoredRecord>: Sendable {
    let writer: any DatabaseWriter

    /// Inserts the record and returns it with its new id.
    @discardableResult
    public func insert(_ record: Record) throws -> Record {
        try writer.write { db in
            var record = record
            try record.insert(db)
            return record
        }
    }

    /// Inserts the record, or replaces the one with the same primary key or unique key.
    @discardableResult
    public func save(_ record: Record) throws -> Record {
        try writer.write { db in
            var record = record
            try record.upsert(db)
            return record
        }
    }

    /// Updates the stored record with the same primary key; throws `RecordError.recordNotFound` when none.
    public func update(_ record: Record) throws {
        try writer.write { db in try record.update(db) }
    }

    /// Deletes the record with this primary key; returns whether one was there.
    @discardableResult
    public func delete(key: some DatabaseValueConvertible & Sendable) throws -> Bool {
        try writer.write { db in try Record.deleteOne(db, key: key) }
    }

    public func fetch(key: some DatabaseValueConvertible & Sendable) throws -> Record? {
        try writer.read { db in try Record.fetchOne(db, key: key) }
    }

    /// The record with this primary key, for async code: GRDB's async read, which waits suspended
    /// rather than holding a cooperative thread. (Named apart from `fetch` so that synchronous
    /// callers in async contexts keep compiling.)
    public func read(key: some DatabaseValueConvertible & Sendable) async throws -> Record? {
        try await writer.read { db in try Record.fetchOne(db, key: key) }
    }

    public func all() throws -> [Record] {
        try writer.read { db in try Record.order(Column.rowID).fetchAll(db) }
    }

    /// The records of one app, in insertion order (every record for a table without `appId`).
    public func all(appId: Int64) throws -> [Record] {
        guard let column = Record.appIdColumn else { return try all() }
        return try writer.read { db in
            try Record.filter(Column(column) == appId).order(Column.rowID).fetchAll(db)
        }
    }

    public func count() throws -> Int {
        try writer.read { db in try Record.fetchCount(db) }
    }
}
