import Foundation
import GRDB
import Provisioning
import SAML
import Store
import XCTest

/// Each app's signing key kept in the store: a secret of the app, made on first need, rotatable.
final class AppSigningKeyTests: XCTestCase {
    private func app(_ label: String, in store: ScimdeckStore) throws -> Saved<AppIntegration> {
        try store.apps.add(AppIntegration(catalogEntry: "axiad-cloud", label: label), signOn: Store.SignOnSettings(appId: 0),
                           provisioning: ProvisioningSettings(appId: 0), mappings: [])
    }

    func test_eachAppHasItsOwnKeyNamedAfterItsLabel() throws {
        let store = try ScimdeckStore()
        let production = AppSigningKey(store: store, app: try app("Axiad Cloud (prod)", in: store))
        let demo = AppSigningKey(store: store, app: try app("Axiad Cloud (demo)", in: store))
        let first = try production.credentialGeneratingIfMissing().credential
        let second = try demo.credentialGeneratingIfMissing().credential
        XCTAssertEqual(first.commonName, "Axiad Cloud (prod)")
        XCTAssertEqual(second.commonName, "Axiad Cloud (demo)")
        XCTAssertNotEqual(try first.fingerprintSHA256, try second.fingerprintSHA256)
        try demo.rotate()
        XCTAssertEqual(try production.credential()?.fingerprintSHA256, try first.fingerprintSHA256, "rotating one app's key leaves the other's")
    }

    func test_keyIsMadeOnFirstNeedAndStoredAsASecretOnly() throws {
        let store = try ScimdeckStore()
        let axiad = try app("Axiad Cloud", in: store)
        let key = AppSigningKey(store: store, app: axiad)
        XCTAssertNil(try key.credential())
        XCTAssertNil(try key.certificate())

        let first = try key.credentialGeneratingIfMissing()
        XCTAssertTrue(first.generated)
        let again = try key.credentialGeneratingIfMissing()
        XCTAssertFalse(again.generated)
        XCTAssertEqual(try again.credential.fingerprintSHA256, try first.credential.fingerprintSHA256)
        XCTAssertEqual(again.credential.privateKeyPEM, first.credential.privateKeyPEM)
        XCTAssertEqual(try key.certificate()?.fingerprintSHA256, try first.credential.fingerprintSHA256)
        XCTAssertEqual(first.credential.commonName, "Axiad Cloud")

        XCTAssertEqual(try store.secrets.names(appId: axiad.id), [SecretName.samlSigningKey], "one secret of the app")
        let stored = try XCTUnwrap(try store.secrets.get(name: SecretName.samlSigningKey, appId: axiad.id))
        XCTAssertFalse("\(stored)".contains("PRIVATE KEY"), "the secret prints as a mask")

        // The key's bytes are nowhere in the database: the secret table holds them sealed.
        let keyBody = try XCTUnwrap(first.credential.privateKeyPEM.split(separator: "\n").dropFirst().first.map(String.init))
        let hits = try store.writer.read { db in try Self.tablesContaining(keyBody, db) }
        XCTAssertEqual(hits, [])
    }

    func test_rotationReplacesKeyAndCertificateAndChangesTheFingerprint() throws {
        let store = try ScimdeckStore()
        let axiad = try app("Axiad Cloud", in: store)
        let key = AppSigningKey(store: store, app: axiad)
        let old = try key.rotate(validity: 2 * 365.25 * 86400)
        let new = try key.rotate()
        XCTAssertNotEqual(try new.fingerprintSHA256, try old.fingerprintSHA256)
        XCTAssertNotEqual(new.privateKeyPEM, old.privateKeyPEM)
        XCTAssertEqual(new.commonName, "Axiad Cloud")
        XCTAssertEqual(new.certificate.notValidAfter.timeIntervalSince(new.certificate.notValidBefore), 2 * 365.25 * 86400 + 60, accuracy: 5,
                       "a rotated certificate keeps the old one's lifetime")
        XCTAssertEqual(try key.credential()?.fingerprintSHA256, try new.fingerprintSHA256)
        XCTAssertEqual(try store.secrets.names(appId: axiad.id), [SecretName.samlSigningKey])
        XCTAssertEqual(try key.rotate(commonName: "Axiad Cloud (demo)").commonName, "Axiad Cloud (demo)", "a CN given on rotation wins")
        let oldBody = try XCTUnwrap(old.privateKeyPEM.split(separator: "\n").dropFirst().first.map(String.init))
        XCTAssertEqual(try store.writer.read { db in try Self.tablesContaining(oldBody, db) }, [], "the old key is gone")
    }

    func test_anUnreadableStoredKeyIsReportedAndRotationRecovers() throws {
        let store = try ScimdeckStore()
        let axiad = try app("Axiad Cloud", in: store)
        try store.secrets.set(SecretValue("not a key"), name: SecretName.samlSigningKey, appId: axiad.id)
        let key = AppSigningKey(store: store, app: axiad)
        XCTAssertThrowsError(try key.credential()) { error in
            XCTAssertFalse(String(describing: error).contains("not a key"), "the secret's bytes are not echoed")
        }
        let fresh = try key.rotate()
        XCTAssertEqual(try key.credential()?.fingerprintSHA256, try fresh.fingerprintSHA256)
    }

    /// The tables with a text or blob cell containing `needle`.
    static func tablesContaining(_ needle: String, _ db: Database) throws -> [String] {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return try tables.filter { table in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"")
            return rows.contains { row in
                row.databaseValues.contains { value in
                    switch value.storage {
                    case .string(let text): return text.contains(needle)
                    case .blob(let data): return String(decoding: data, as: UTF8.self).contains(needle)
                    default: return false
                    }
                }
            }
        }
    }
}
