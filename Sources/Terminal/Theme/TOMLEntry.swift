/// One `key = value` line of a TOML document, with the table it sits in and its line.
public struct TOMLEntry: Sendable, Equatable {
    /// The `[table]` the key belongs to; empty for keys before the first table.
    public var table: String
    public var key: String
    public var value: TOMLValue
    public var line: Int
}
