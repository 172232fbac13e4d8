import Foundation
import GRDB

/// An app added from the catalog (the General tab).
public struct AppIntegration: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "app"
    public static var appIdColumn: String? { nil }

    public enum Stack: String, Codable, Sendable, CaseIterable {
        case production
        case demoTest
    }

    public var id: Int64?
    /// The catalog entry's key, e.g. `axiad-cloud`, `generic-scim2`.
    public var catalogEntry: String
    public var label: String
    public var stack: Stack
    public var createdAt: Date

    public init(id: Int64? = nil, catalogEntry: String, label: String, stack: Stack = .production, createdAt: Date = Date()) {
        self.id = id
        self.catalogEntry = catalogEntry
        self.label = label
        self.stack = stack
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
