import Foundation
import GRDB

/// Secrets, kept in their own table and handed out only as `SecretValue`s, which never print.
public struct SecretStore: Sendable {
    let writer: any DatabaseWriter

    /// Stores (or replaces) the secret `name` of an app, or of the workspace when `appId` is nil.
    public func set(_ value: SecretValue, name: String, appId: Int64? = nil) throws {
        try writer.write { db in
            try Secret.filter(Column("appId") == appId && Column("name") == name).deleteAll(db)
            var secret = Secret(appId: appId, name: name, value: value)
            try secret.insert(db)
        }
    }

    public func get(name: String, appId: Int64? = nil) throws -> SecretValue? {
        try writer.read { db in
            try Secret.filter(Column("appId") == appId && Column("name") == name).fetchOne(db)?.value
        }
    }

    @discardableResult
    public func remove(name: String, appId: Int64? = nil) throws -> Bool {
        try writer.write { db in
            try Secret.filter(Column("appId") == appId && Column("name") == name).deleteAll(db) > 0
        }
    }

    /// The names stored for an app (never the values).
    public func names(appId: Int64? = nil) throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, Secret.select(Column("name")).filter(Column("appId") == appId).order(Column("name")))
        }
    }
}
