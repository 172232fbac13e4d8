import Foundation
import GRDB

/// A group in the local directory. Names are unique case-insensitively (`nameKey`).
public struct DirectoryGroup: Sendable, Hashable, Identifiable {
    public var id: Int64?
    public var name: String
    public var description: String
    public var source: String
    public var externalKey: String?
    public var updatedAt: Date

    public init(id: Int64? = nil, name: String, description: String = "", source: String = "manual", externalKey: String? = nil, updatedAt: Date = Date()) {
        self.id = id
        self.name = name
        self.description = description
        self.source = source
        self.externalKey = externalKey
        self.updatedAt = updatedAt
    }

    public static func nameKey(_ name: String) -> String { CaseFolding.lowercased(name) }
}

extension DirectoryGroup: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "directoryGroup"

    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let nameKey = Column("nameKey")
        public static let description = Column("description")
    }

    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        description = row["description"]
        source = row["source"]
        externalKey = row["externalKey"]
        updatedAt = row["updatedAt"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["nameKey"] = DirectoryGroup.nameKey(name)
        container["description"] = description
        container["source"] = source
        container["externalKey"] = externalKey
        container["updatedAt"] = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension DirectoryGroup: Encodable {
    enum CodingKeys: String, CodingKey { case id, name, description, source, externalKey }
}
