import Foundation
import GRDB

/// *Find groups by rule*: every group whose name AND description match is pushed.
/// A condition whose operator is `nil` matches every group.
public struct PushGroupRule: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "pushGroupRule"

    public enum Operator: String, Codable, Sendable, CaseIterable {
        case startsWith
        case endsWith
        case contains
    }

    public var id: Int64?
    public var appId: Int64
    public var name: String
    public var nameOperator: Operator?
    public var nameValue: String
    public var descriptionOperator: Operator?
    public var descriptionValue: String
    public var createdAt: Date

    public init(
        id: Int64? = nil, appId: Int64, name: String, nameOperator: Operator? = nil, nameValue: String = "",
        descriptionOperator: Operator? = nil, descriptionValue: String = "", createdAt: Date = Date()
    ) {
        self.id = id
        self.appId = appId
        self.name = name
        self.nameOperator = nameOperator
        self.nameValue = nameValue
        self.descriptionOperator = descriptionOperator
        self.descriptionValue = descriptionValue
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
