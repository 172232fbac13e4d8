import Foundation
import GRDB

/// A request form an app accepts where it refused the profile's own (see `RequestForms` in
/// Provisioning): one row per app and operation, e.g. `memberRemoval` → `valueList`.
public struct LearnedRequestForm: StoredRecord, Hashable {
    public static let databaseTableName = "learnedRequestForm"

    public var appId: Int64
    /// What kind of request (`userUpdate`, `memberRemoval`, `groupRename`).
    public var operation: String
    /// The form that worked.
    public var form: String
    public var learnedAt: Date

    public init(appId: Int64, operation: String, form: String, learnedAt: Date = Date()) {
        self.appId = appId
        self.operation = operation
        self.form = form
        self.learnedAt = learnedAt
    }
}
