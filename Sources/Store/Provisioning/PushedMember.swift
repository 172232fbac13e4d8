import GRDB

/// A person the app was told is a member of a pushed group.
public struct PushedMember: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "pushedMember"
    public var appId: Int64
    public var groupId: Int64
    public var personId: Int64

    public init(appId: Int64, groupId: Int64, personId: Int64) {
        self.appId = appId
        self.groupId = groupId
        self.personId = personId
    }
}
