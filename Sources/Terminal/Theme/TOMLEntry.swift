/// One `key = value` line of a TOML document, with the table it sits in and its line.
struct TOMLEntry: Sendable, Equatable {
    /// The `[table]` the key belongs to; empty for keys before the first table.
    var table: String
    var key: String
    var value: TOMLValue
    var line: Int
}
