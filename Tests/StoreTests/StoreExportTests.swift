import Foundation
import GRDB
@testable import Store
import XCTest

/// `export`: a one-file copy of the store; without secrets, not even a sealed value is left in it.
final class StoreExportTests: SecretStoreTestCase {
    func test_anExportWithoutSecretsHoldsNoSecretNorSealedValueAndIsOwnerOnly() throws {
        let store = try openStore(keyFile: keyPath)
        let appID = try addApp(store)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
        try store.secrets.set(SecretValue(bindPassword), name: "ldapBindPassword")
        let sealed = try store.writer.read { db in try Data.fetchAll(db, sql: "SELECT value FROM secret") }

        let export = directory.appendingPathComponent("support.sqlite").path
        let summary = try store.export(to: export, withoutSecrets: true)
        XCTAssertEqual(summary.removedSecrets, 2)
        XCTAssertEqual(summary.secrets, 0)
        XCTAssertEqual(try mode(export), 0o600)
        XCTAssertFalse(FileManager.default.fileExists(atPath: export + "-wal"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: export))
        for value in sealed + [Data(token.utf8), Data(bindPassword.utf8)] {
            XCTAssertNil(bytes.range(of: value.suffix(24)), "no secret nor its sealed bytes in the export")
        }
        let copy = try DatabaseQueue(path: export)
        try copy.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT label FROM app"), ["Axiad"])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM secret"), 0)
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "delete")
        }
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText(), token, "the store keeps its secrets")
    }

    func test_anExportWithSecretsKeepsThemSealedUnderTheSameKey() throws {
        let store = try openStore(keyFile: keyPath)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken)
        let export = directory.appendingPathComponent("backup.sqlite").path
        XCTAssertEqual(try store.export(to: export, withoutSecrets: false).secrets, 1)
        XCTAssertNil(try Data(contentsOf: URL(fileURLWithPath: export)).range(of: Data(token.utf8)))
        let restored = try ScimdeckStore(path: export, keys: KeyFile(path: keyPath))
        XCTAssertEqual(try restored.secrets.get(name: SecretName.apiToken)?.revealText(), token)
    }

    func test_anExportNeverOverwritesAFile() throws {
        let store = try openStore(keyFile: keyPath)
        let existing = try writeFile("existing.sqlite", "keep me")
        XCTAssertThrowsError(try store.export(to: existing, withoutSecrets: true)) { error in
            XCTAssertTrue("\(error)".contains("exists already"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "keep me")
    }
}
