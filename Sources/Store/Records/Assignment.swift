import Foundation
import GRDB

/// A person or a group assigned to an app (Assignments tab). Exactly one of `personId`, `groupId` is set.
public struct Assignment: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "assignment"

    public var id: Int64?
    public var appId: Int64
    public var personId: Int64?
    public var groupId: Int64?
    public var createdAt: Date

    public static func person(_ personId: Int64, app appId: Int64) -> Assignment {
        Assignment(appId: appId, personId: personId, groupId: nil)
    }

    public static func group(_ groupId: Int64, app appId: Int64) -> Assignment {
        Assignment(appId: appId, personId: nil, groupId: groupId)
    }

    public init(id: Int64? = nil, appId: Int64, personId: Int64?, groupId: Int64?, createdAt: Date = Date()) {
        self.id = id
        self.appId = appId
        self.personId = personId
        self.groupId = groupId
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
