import Foundation
import GRDB
@testable import Store
import XCTest

/// A store written by the version before secrets were sealed (schema up to "v5 app run lock", plain
/// values in `secret`) is sealed when the new version opens it, and no plain copy is left in the file or its WAL.
final class SecretMigrationTests: SecretStoreTestCase {
    /// A v5 store with a plain token and a plain signing key as big as a real PEM bundle (overflow pages),
    /// copied while its writer is still open: what a killed process leaves, the last commits in `-wal`.
    func makeVersion5Store() throws -> Int64 {
        let source = directory.appendingPathComponent("v5.sqlite").path
        let old = try DatabasePool(path: source)
        try StoreMigrations.migrator.migrate(old, upTo: "v5 app run lock")
        let bundle = pem + String(repeating: "MIIDazCCAlOgAwIBAgIUQ7vXz9Ge2sZ1cR0pN4yTbL6jWk8wDQYJKoZIhvcNAQEL\n", count: 60)
        try old.write { db in
            try db.execute(sql: "INSERT INTO app (id, catalogEntry, label, createdAt) VALUES (1, 'axiad-cloud', 'Axiad', '2026-01-01')")
            try db.execute(sql: "INSERT INTO secret (appId, name, value, updatedAt) VALUES (1, ?, ?, '2026-01-01')",
                           arguments: [SecretName.apiToken, Data(token.utf8)])
            try db.execute(sql: "INSERT INTO secret (appId, name, value, updatedAt) VALUES (1, ?, ?, '2026-01-01')",
                           arguments: [SecretName.samlSigningKey, Data(bundle.utf8)])
            try db.execute(sql: "INSERT INTO secret (appId, name, value, updatedAt) VALUES (NULL, 'ldapBindPassword', ?, '2026-01-01')",
                           arguments: [Data(bindPassword.utf8)])
        }
        // Checkpoint what the setup wrote, then change the token once more: plain copies in both files.
        try old.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        try old.write { db in try db.execute(sql: "UPDATE secret SET updatedAt = '2026-01-02'") }
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: storePath + suffix)
        }
        try old.close()
        XCTAssertEqual(try filesHolding(token), [storePath, storePath + "-wal"], "the copied v5 store holds the plain token in both files")
        return 1
    }

    func test_aVersion5StoreIsSealedOnOpenAndNoPlainCopyIsLeftInTheFileOrItsWAL() throws {
        let appID = try makeVersion5Store()
        let store = try openStore(keyFile: keyPath)
        XCTAssertTrue(try store.appliedMigrations().contains("v6 sealed secrets"))
        for secret in [token, bindPassword, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7kq", "MIIDazCCAlOgAwIBAgIUQ7vXz9Ge2sZ1cR0pN4yTbL6jWk8w"] {
            XCTAssertEqual(try filesHolding(secret), [], "no plain \(secret.prefix(12))… in the store or its WAL")
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: storePath + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(walSize, 0, "the WAL is truncated")
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText(), token)
        XCTAssertEqual(try store.secrets.get(name: "ldapBindPassword")?.revealText(), bindPassword)
        XCTAssertTrue(try XCTUnwrap(store.secrets.get(name: SecretName.samlSigningKey, appId: appID)?.revealText()).hasPrefix(pem))
        let fingerprint = try XCTUnwrap(try store.keys.openingKeys().first?.fingerprint)
        let keyIds = try store.writer.read { db in try String?.fetchAll(db, sql: "SELECT keyId FROM secret") }
        XCTAssertEqual(keyIds, [fingerprint, fingerprint, fingerprint])
        XCTAssertEqual(try mode(keyPath), 0o600, "the migration made the key")
    }

    func test_aPlainValueAnOlderVersionWritesLaterIsSealedOnTheNextOpen() throws {
        let store = try openStore(keyFile: keyPath)
        // What scimdeck before v6 does on `app set --token-file`: it knows no keyId column.
        try store.writer.write { db in
            try db.execute(sql: "INSERT INTO secret (appId, name, value, updatedAt) VALUES (NULL, ?, ?, '2026-01-01')",
                           arguments: [SecretName.apiToken, Data(token.utf8)])
        }
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken)?.revealText(), token, "read as it is until sealed")
        try store.writer.close()
        let reopened = try openStore(keyFile: keyPath)
        XCTAssertEqual(try filesHolding(token), [])
        XCTAssertEqual(try reopened.secrets.get(name: SecretName.apiToken)?.revealText(), token)
    }
}
