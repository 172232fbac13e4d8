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

/// A row of the `secret` table. Its value prints as a mask (see `SecretValue`).
struct Secret: Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "secret"

    var id: Int64?
    var appId: Int64?
    var name: String
    var value: SecretValue
    var updatedAt: Date

    init(row: Row) throws {
        id = row["id"]
        appId = row["appId"]
        name = row["name"]
        value = SecretValue(row["value"] as Data)
        updatedAt = row["updatedAt"]
    }

    init(appId: Int64?, name: String, value: SecretValue, updatedAt: Date = Date()) {
        self.appId = appId
        self.name = name
        self.value = value
        self.updatedAt = updatedAt
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["appId"] = appId
        container["name"] = name
        container["value"] = value.reveal { $0 }
        container["updatedAt"] = updatedAt
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
