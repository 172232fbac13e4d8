/// A record as the store holds it, with the id its insert gave it. The id is not optional, so no
/// caller needs a stand-in (`?? 0`) for a record that was never saved: only the store builds one,
/// from an insert or a read. The record's fields read through it (`saved.label`).
@dynamicMemberLookup
public struct Saved<Record: Sendable>: Sendable {
    public let id: Int64
    public let record: Record

    init(id: Int64, record: Record) {
        self.id = id
        self.record = record
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<Record, Value>) -> Value { record[keyPath: keyPath] }
}

extension Saved: Equatable where Record: Equatable {}
extension Saved: Hashable where Record: Hashable {}

extension Saved where Record == AppIntegration {
    /// A row read from the `app` table (its id is its primary key, always there once read).
    init?(_ row: AppIntegration) {
        guard let id = row.id else { return nil }
        self.init(id: id, record: row)
    }
}
