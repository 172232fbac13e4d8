import Foundation
import GRDB

/// Secrets, kept in their own table sealed under a key that is not in the store (see `SecretKeySource`),
/// and handed out only as `SecretValue`s, which never print.
///
/// A secret sealed with a key that is not here (a store copied without its key file) throws
/// `SecretStoreError.keyNotHere` when read; everything else in the store still works, and setting the
/// secret again seals it with the key that is here.
public struct SecretStore: Sendable {
    let writer: any DatabaseWriter
    let keys: any SecretKeySource

    /// Stores (or replaces) the secret `name` of an app, or of the workspace when `appId` is nil.
    public func set(_ value: SecretValue, name: String, appId: Int64? = nil) throws {
        let secret = try sealed(value, name: name, appId: appId)
        try writer.write { db in try replace(secret, in: db) }
    }

    /// The row that stores `value`, sealed with the current key (not yet written).
    func sealed(_ value: SecretValue, name: String, appId: Int64?) throws -> Secret {
        let key = try keys.sealingKey()
        let sealed = try value.reveal { try SecretSealer.seal($0, name: name, appId: appId, with: key) }
        return Secret(appId: appId, name: name, sealed: sealed, keyId: key.fingerprint)
    }

    /// Writes `secret` in place of the one of its name, inside the caller's transaction.
    func replace(_ secret: Secret, in db: Database) throws {
        try Secret.filter(Column("appId") == secret.appId && Column("name") == secret.name).deleteAll(db)
        var secret = secret
        try secret.insert(db)
    }

    /// The secret, nil when none is stored; throws `SecretStoreError` when it is stored but cannot be opened here.
    public func get(name: String, appId: Int64? = nil) throws -> SecretValue? {
        let secret = try writer.read { db in
            try Secret.filter(Column("appId") == appId && Column("name") == name).fetchOne(db)
        }
        guard let secret else { return nil }
        return try open(secret, with: try keys.openingKeys())
    }

    /// Whether the secret is stored, readable here or not (no key is needed to know).
    public func contains(name: String, appId: Int64? = nil) throws -> Bool {
        try writer.read { db in
            try Secret.filter(Column("appId") == appId && Column("name") == name).fetchCount(db) > 0
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

    /// Every stored secret and, for each one that cannot be opened here, why.
    public func check() throws -> [SecretCheck] {
        let secrets = try writer.read { db in try Secret.order(Column("appId"), Column("name")).fetchAll(db) }
        let ring = try keys.openingKeys()
        return try secrets.map { secret in
            do {
                _ = try open(secret, with: ring)
                return SecretCheck(secret: try identity(of: secret), keyId: secret.keyId, problem: nil)
            } catch let problem as SecretStoreError {
                return SecretCheck(secret: try identity(of: secret), keyId: secret.keyId, problem: problem)
            }
        }
    }

    /// Seals every secret again under a new key, then makes that key the current one.
    ///
    /// The new key is staged beside the current one before the store changes, every secret is resealed
    /// in one transaction, and only then is the new key promoted (the old one kept as the previous key):
    /// a crash at any point leaves each secret sealed with a key that opening still finds.
    /// Refuses, changing nothing, when a secret cannot be opened with the keys here: it would be lost.
    public func rotateKey() throws -> KeyRotation {
        let ring = try keys.openingKeys()
        let problems = try check().compactMap(\.problem)
        guard problems.isEmpty else { throw SecretStoreError.rotationBlocked(problems) }
        let fresh = SecretKey.random()
        try keys.stage(fresh)
        let resealed = try writer.write { db -> Int in
            // Read again inside the transaction: a secret set since the check is resealed too.
            let secrets = try Secret.fetchAll(db)
            for var secret in secrets {
                let plain = try open(secret, with: ring, in: db)
                secret.sealed = try plain.reveal { try SecretSealer.seal($0, name: secret.name, appId: secret.appId, with: fresh) }
                secret.keyId = fresh.fingerprint
                secret.updatedAt = Date()
                try secret.update(db)
            }
            return secrets.count
        }
        try keys.promote(fresh)
        return KeyRotation(previousKey: ring.first?.fingerprint, newKey: fresh.fingerprint, resealed: resealed, location: keys.location)
    }

    /// Seals the values an earlier version of scimdeck wrote in plain (rows without a key fingerprint),
    /// and returns how many. With `secureDelete`, the connection zeroes what the update frees.
    func sealPlainValues(_ db: Database) throws -> Int {
        let plain = try Row.fetchAll(db, sql: "SELECT id, appId, name, value FROM secret WHERE keyId IS NULL")
        guard !plain.isEmpty else { return 0 }
        let key = try keys.sealingKey()
        for row in plain {
            let sealed = try SecretSealer.seal(row["value"], name: row["name"], appId: row["appId"], with: key)
            try db.execute(sql: "UPDATE secret SET value = ?, keyId = ? WHERE id = ?", arguments: [sealed, key.fingerprint, row["id"]])
        }
        return plain.count
    }

    /// `db`: the connection to name the secret's app through, when called inside a transaction
    /// (GRDB's connections are not reentrant).
    private func open(_ secret: Secret, with ring: [SecretKey], in db: Database? = nil) throws -> SecretValue {
        guard let keyId = secret.keyId else {
            // Written in plain by an older scimdeck since this store was opened: the next open seals it.
            return SecretValue(secret.sealed)
        }
        guard let key = ring.first(where: { $0.fingerprint == keyId }) else {
            throw SecretStoreError.keyNotHere(try identity(of: secret, in: db), wanted: keyId, location: keys.location, found: ring.map(\.fingerprint))
        }
        guard let plain = SecretSealer.open(secret.sealed, name: secret.name, appId: secret.appId, with: key) else {
            throw SecretStoreError.tampered(try identity(of: secret, in: db))
        }
        return SecretValue(plain)
    }

    private func identity(of secret: Secret, in db: Database? = nil) throws -> SecretIdentity {
        let label = try secret.appId.flatMap { appId -> String? in
            let fetch = { (db: Database) in try String.fetchOne(db, sql: "SELECT label FROM app WHERE id = ?", arguments: [appId]) }
            return try db.map(fetch) ?? writer.read(fetch)
        }
        return SecretIdentity(name: secret.name, appId: secret.appId, appLabel: label)
    }
}

/// One stored secret, and why it cannot be opened here (nil: it can).
public struct SecretCheck: Sendable, Equatable {
    public var secret: SecretIdentity
    /// The fingerprint of the key that sealed it.
    public var keyId: String?
    public var problem: SecretStoreError?
}

/// What `rotateKey` did.
public struct KeyRotation: Sendable, Equatable {
    public var previousKey: String?
    public var newKey: String
    public var resealed: Int
    public var location: String
}
