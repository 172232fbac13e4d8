import Foundation
import GRDB

/// A live directory (an LDAP server) that people and groups are imported from. The bind password
/// is a secret of its own (`DirectorySourceRepository`), never a column here.
public struct DirectorySource: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "directorySource"

    public enum ImportKind: String, Sendable, Codable {
        case full
        case incremental
    }

    public var id: Int64?
    /// What `person.source` and `directoryGroup.source` say for what this source brought.
    public var name: String
    public var url: String
    public var bindDN: String
    public var baseDN: String
    public var preset: DirectorySourcePreset
    /// Overrides the preset's user filter.
    public var userFilter: String?
    /// Overrides the preset's group filter.
    public var groupFilter: String?
    public var caFile: String?
    public var startTLS: Bool
    public var pageSize: Int
    /// The highest change mark (`modifyTimestamp`) of the last import: the next incremental one reads from it.
    public var changeMark: String?
    public var lastImportAt: Date?
    public var lastImportKind: ImportKind?
    /// When the last full import was (nil: never, or the source now reads another server or base).
    public var lastFullImportAt: Date?
    /// The last import's one-line summary.
    public var lastImportSummary: String?

    public init(
        name: String, url: String, bindDN: String, baseDN: String, preset: DirectorySourcePreset = .openldap,
        userFilter: String? = nil, groupFilter: String? = nil, caFile: String? = nil, startTLS: Bool = false, pageSize: Int = 500
    ) {
        self.name = name
        self.url = url
        self.bindDN = bindDN
        self.baseDN = baseDN
        self.preset = preset
        self.userFilter = userFilter
        self.groupFilter = groupFilter
        self.caFile = caFile
        self.startTLS = startTLS
        self.pageSize = pageSize
    }

    /// The preset's mapping with this source's overrides.
    public var mapping: DirectorySourceMapping {
        var mapping = preset.mapping
        if let userFilter { mapping.userFilter = userFilter }
        if let groupFilter { mapping.groupFilter = groupFilter }
        return mapping
    }

    public var endpoint: DirectorySourceEndpoint {
        DirectorySourceEndpoint(url: url, bindDN: bindDN, caFile: caFile, startTLS: startTLS)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
