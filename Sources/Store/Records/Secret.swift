import Foundation
import GRDB

/// The well-known secret names.
public enum SecretName {
    /// An app's SCIM bearer token.
    public static let apiToken = "apiToken"
    /// An app's SAML signing key and certificate (PEM).
    public static let samlSigningKey = "samlSigningKey"
    /// A directory source's bind password (a workspace secret: sources belong to no app).
    public static func bindPassword(source: String) -> String { "bindPassword:\(source)" }
}

/// A row of the `secret` table: the value sealed (see `SecretSealer`) and the fingerprint of the key
/// that sealed it. A row without a fingerprint holds a plain value an earlier version wrote; the store
/// seals it when it opens (see `SecretStore.sealPlainValues`).
struct Secret: Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "secret"

    var id: Int64?
    var appId: Int64?
    var name: String
    var sealed: Data
    var keyId: String?
    var updatedAt: Date

    init(row: Row) throws {
        id = row["id"]
        appId = row["appId"]
        name = row["name"]
        sealed = row["value"]
        keyId = row["keyId"]
        updatedAt = row["updatedAt"]
    }

    init(appId: Int64?, name: String, sealed: Data, keyId: String, updatedAt: Date = Date()) {
        self.appId = appId
        self.name = name
        self.sealed = sealed
        self.keyId = keyId
        self.updatedAt = updatedAt
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["appId"] = appId
        container["name"] = name
        container["value"] = sealed
        container["keyId"] = keyId
        container["updatedAt"] = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
