import Foundation
import GRDB

/// A group pushed to an app, by name (`ruleId == nil`) or matched by a rule.
/// The remote group id lives in `RemoteLink` (kind `.group`).
public struct PushGroupLink: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "pushGroupLink"

    public enum Status: String, Codable, Sendable {
        case pushing
        case active
        case error
    }

    /// What *Unlink pushed group* asked for; the next run carries it out and removes the link.
    public enum UnlinkAction: String, Codable, Sendable {
        /// Forget the link, leave the group in the app.
        case keep
        /// Delete the group in the app too.
        case delete
    }

    public var id: Int64?
    public var appId: Int64
    public var groupId: Int64
    public var ruleId: Int64?
    public var status: Status
    public var lastPushedAt: Date?
    public var lastError: String?
    /// *Push Now*: the next run sends every member again.
    public var pushNowRequested: Bool = false
    public var unlinkAction: UnlinkAction?

    public init(id: Int64? = nil, appId: Int64, groupId: Int64, ruleId: Int64? = nil, status: Status = .pushing, lastPushedAt: Date? = nil, lastError: String? = nil) {
        self.id = id
        self.appId = appId
        self.groupId = groupId
        self.ruleId = ruleId
        self.status = status
        self.lastPushedAt = lastPushedAt
        self.lastError = lastError
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
