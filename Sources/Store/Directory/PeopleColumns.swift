import GRDB
import GRDBSQLite

/// What the Directory's People table shows of every person, ordered by login: name, login,
/// email, status, and the case-folded text `/` searches (the `searchKey` that
/// `directory list --filter` searches too).
///
/// The text of all people sits in one UTF-8 buffer with an end offset per field, so 100,000
/// people are three arrays instead of half a million Strings: reading them allocates nothing per
/// person, and dropping them frees three blocks. A cell becomes a String only when it is drawn.
public struct PeopleColumns: Sendable, Equatable {
    enum Field: Int {
        case name, login, email, search
    }

    static let fieldCount = 4

    private var text: [UInt8] = []
    /// Where each field ends in `text`, `fieldCount` per person; a field starts where the one before it ends.
    private var ends: [Int] = []
    private var statuses: [PersonStatus] = []

    public init() {}

    public var count: Int { statuses.count }

    /// First and last name, as `Person.displayName` joins them.
    public func name(_ row: Int) -> String { string(row, .name) }
    public func login(_ row: Int) -> String { string(row, .login) }
    public func email(_ row: Int) -> String { string(row, .email) }
    public func status(_ row: Int) -> PersonStatus { statuses[row] }

    /// Calls `body` with the person's case-folded search text (login, names and email).
    public func withSearchText<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let range = self.range(row, .search)
        return try text.withUnsafeBufferPointer { all in try body(UnsafeBufferPointer(rebasing: all[range])) }
    }

    public func searchText(_ row: Int) -> String { string(row, .search) }

    private func range(_ row: Int, _ field: Field) -> Range<Int> {
        let index = row * Self.fieldCount + field.rawValue
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    private func string(_ row: Int, _ field: Field) -> String {
        String(decoding: text[range(row, field)], as: UTF8.self)
    }

    // MARK: Reading

    /// Reads every person in one statement: only the shown columns, no `Person` records (whose
    /// attributes JSON and dates cost most of the time a full record read takes).
    static func fetch(_ db: Database) throws -> PeopleColumns {
        var columns = PeopleColumns()
        // The exact sizes first, so the buffers are allocated once and never grow past what they hold.
        if let sizes = try Row.fetchOne(db, sql: """
            SELECT count(*) AS people,
                   total(length(CAST(firstName AS BLOB)) + length(CAST(lastName AS BLOB)) + 1
                         + length(CAST(login AS BLOB)) + length(CAST(email AS BLOB)) + length(CAST(searchKey AS BLOB))) AS bytes
            FROM person
            """) {
            let people: Int = sizes["people"]
            let bytes: Double = sizes["bytes"]
            columns.statuses.reserveCapacity(people)
            columns.ends.reserveCapacity(people * fieldCount)
            columns.text.reserveCapacity(Int(bytes))
        }
        let statement = try db.makeStatement(sql: "SELECT firstName, lastName, login, email, searchKey, status FROM person ORDER BY loginKey")
        let rows = try Row.fetchCursor(statement)
        // The cursor steps the statement; its columns are read in place, with no Data or String per cell.
        let sqlite = statement.sqliteStatement
        while let row = try rows.next() {
            let nameStart = columns.text.count
            columns.appendText(sqlite, 0)
            // The text is stored as UTF-8, so its byte count needs no conversion first.
            if columns.text.count > nameStart, sqlite3_column_bytes(sqlite, 1) > 0 { columns.text.append(0x20) }
            columns.appendText(sqlite, 1)
            columns.ends.append(columns.text.count)
            for index: Int32 in 2...4 {
                columns.appendText(sqlite, index)
                columns.ends.append(columns.text.count)
            }
            // GRDB's decoding went through a DatabaseValue per row (half the read); it stays as the
            // path that reports a status the schema's CHECK should have refused.
            let status = columns.string(sqlite, 5).flatMap(PersonStatus.init(rawValue:))
            columns.statuses.append(try status ?? row.decode(PersonStatus.self, atIndex: 5))
        }
        return columns
    }

    /// A short column as a String: the statuses fit in a String's inline storage, so nothing is allocated.
    private func string(_ statement: SQLiteStatement, _ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, index) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }

    private mutating func appendText(_ statement: SQLiteStatement, _ index: Int32) {
        // sqlite3_column_bytes after sqlite3_column_text: the size of the UTF-8 text just returned.
        guard let bytes = sqlite3_column_text(statement, index) else { return }
        text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, index))))
    }
}
