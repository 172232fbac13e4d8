import GRDB

/// A person's membership of a group.
public struct Membership: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "membership"
    public var groupId: Int64
    public var personId: Int64

    public init(groupId: Int64, personId: Int64) {
        self.groupId = groupId
        self.personId = personId
    }
}
