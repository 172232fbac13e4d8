import Foundation
import GRDB

/// A local person or group and the SCIM resource that stands for it in one app.
public struct RemoteLink: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "remoteLink"

    public enum Kind: String, Codable, Sendable {
        case user
        case group
    }

    public enum Status: String, Codable, Sendable {
        case active
        case deactivated
        case error
    }

    public var id: Int64?
    public var appId: Int64
    public var kind: Kind
    /// The person's or group's id in the directory (not a foreign key: see the migration).
    public var localId: Int64
    /// The SCIM `id` the app gave the resource.
    public var remoteId: String
    /// Hash of the last mapped payload sent, to skip updates that change nothing.
    public var lastPayloadHash: String?
    public var status: Status
    public var lastError: String?
    public var updatedAt: Date
    /// For a group: the displayName last sent, so a rename in the directory is noticed.
    public var pushedName: String?

    public init(
        id: Int64? = nil, appId: Int64, kind: Kind, localId: Int64, remoteId: String, lastPayloadHash: String? = nil,
        status: Status = .active, lastError: String? = nil, updatedAt: Date = Date(), pushedName: String? = nil
    ) {
        self.pushedName = pushedName
        self.id = id
        self.appId = appId
        self.kind = kind
        self.localId = localId
        self.remoteId = remoteId
        self.lastPayloadHash = lastPayloadHash
        self.status = status
        self.lastError = lastError
        self.updatedAt = updatedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
