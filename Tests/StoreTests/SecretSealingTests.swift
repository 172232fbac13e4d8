import Foundation
import GRDB
@testable import Store
import XCTest

/// Secrets at rest: the store file and its WAL never hold a secret's bytes; the key lives in a key
/// file outside the store, and a store opened without it says which key it wants and where it looked.
final class SecretSealingTests: SecretStoreTestCase {
    func test_noSecretValueIsInTheStoreFileOrItsWAL() throws {
        let store = try openStore(keyFile: keyPath)
        let appID = try addApp(store)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
        try store.secrets.set(SecretValue(pem), name: SecretName.samlSigningKey, appId: appID)
        try store.secrets.set(SecretValue(bindPassword), name: "ldapBindPassword", appId: nil)
        // While the store is open, the last writes are in the WAL.
        XCTAssertTrue(FileManager.default.fileExists(atPath: storePath + "-wal"))
        for secret in [token, bindPassword, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7kq"] {
            XCTAssertEqual(try filesHolding(secret), [], "no file of the store holds \(secret)")
        }
        XCTAssertEqual(try openStore(keyFile: keyPath).secrets.get(name: SecretName.apiToken, appId: appID)?.revealText(), token)
        XCTAssertEqual(try store.secrets.get(name: "ldapBindPassword")?.revealText(), bindPassword)
        XCTAssertEqual(try store.secrets.get(name: SecretName.samlSigningKey, appId: appID)?.revealText(), pem)
    }

    func test_theKeyFileIsMadeOnFirstUseReadableByItsOwnerAlone() throws {
        let store = try openStore(keyFile: keyPath)
        XCTAssertFalse(FileManager.default.fileExists(atPath: keyPath), "opening a store makes no key")
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken)
        XCTAssertEqual(try mode(keyPath), 0o600)
        XCTAssertEqual(try mode((keyPath as NSString).deletingLastPathComponent), 0o700)
        let keyText = try String(contentsOfFile: keyPath, encoding: .utf8)
        XCTAssertEqual(try filesHolding(keyText.trimmingCharacters(in: .whitespacesAndNewlines)), [], "the key is not in the store")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (keyPath as NSString).deletingLastPathComponent)
        XCTAssertEqual(leftovers, ["store.key"], "no temporary file is left beside the key")
    }

    func test_aKeyFileOthersCanReadIsRefusedWithTheFix() throws {
        try openStore(keyFile: keyPath).secrets.set(SecretValue(token), name: SecretName.apiToken)
        XCTAssertEqual(chmod(keyPath, 0o644), 0)
        XCTAssertThrowsError(try openStore(keyFile: keyPath).secrets.get(name: SecretName.apiToken)) { error in
            XCTAssertEqual(error as? SecretStoreError, .exposedKeyFile(path: keyPath, mode: 0o644))
            XCTAssertTrue("\(error)".contains("chmod 600 \(keyPath)"), "\(error)")
        }
    }

    func test_aStoreOpenedWithoutItsKeyWorksAndSaysWhichKeyItWantsAndWhereItLooked() throws {
        let store = try openStore(keyFile: keyPath)
        let appID = try addApp(store)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
        let wanted = try XCTUnwrap(try store.keys.openingKeys().first?.fingerprint)

        let elsewhere = directory.appendingPathComponent("other/store.key").path
        let copied = try openStore(keyFile: elsewhere)
        XCTAssertEqual(try copied.apps.all().map(\.label), ["Axiad"], "everything but the secrets works")
        XCTAssertTrue(try copied.secrets.contains(name: SecretName.apiToken, appId: appID))
        XCTAssertThrowsError(try copied.secrets.get(name: SecretName.apiToken, appId: appID)) { error in
            guard case let .keyNotHere(secret, wantedKey, location, found) = error as? SecretStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(secret.appLabel, "Axiad")
            XCTAssertEqual(wantedKey, wanted)
            XCTAssertEqual(location, "the key file \(elsewhere)")
            XCTAssertEqual(found, [])
            XCTAssertTrue("\(error)".contains("the API token of \"Axiad\" cannot be read: it was sealed with key \(wanted) and there is no key at the key file \(elsewhere)"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere), "reading makes no key")

        // Another key there: the wrong key, said so, with both fingerprints.
        try copied.secrets.set(SecretValue("other"), name: "unrelated")
        let other = try XCTUnwrap(try copied.keys.openingKeys().first?.fingerprint)
        XCTAssertThrowsError(try copied.secrets.get(name: SecretName.apiToken, appId: appID)) { error in
            XCTAssertTrue("\(error)".contains("sealed with key \(wanted) and the key file \(elsewhere) holds key \(other) instead (the wrong key)"), "\(error)")
        }
        XCTAssertEqual(try copied.secrets.check().filter { $0.problem != nil }.map(\.secret.name), [SecretName.apiToken])

        // Entering the token again fixes that app.
        try copied.secrets.set(SecretValue("new-token"), name: SecretName.apiToken, appId: appID)
        XCTAssertEqual(try copied.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText(), "new-token")
        XCTAssertEqual(try copied.secrets.check().compactMap(\.problem), [])
    }

    func test_aSealedValueMovedToAnotherRowDoesNotOpen() throws {
        let store = try openStore(keyFile: keyPath)
        let axiad = try addApp(store, "Axiad")
        let other = try addApp(store, "Other")
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: axiad)
        try store.secrets.set(SecretValue("other-token"), name: SecretName.apiToken, appId: other)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE secret SET value = (SELECT value FROM secret WHERE appId = ?) WHERE appId = ?", arguments: [axiad, other])
        }
        XCTAssertThrowsError(try store.secrets.get(name: SecretName.apiToken, appId: other)) { error in
            guard case .tampered(let secret) = error as? SecretStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(secret.appLabel, "Other")
        }
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken, appId: axiad)?.revealText(), token)
    }

    func test_eachValueHasItsOwnNonce() throws {
        let store = try openStore(keyFile: keyPath)
        try store.secrets.set(SecretValue(token), name: "a")
        try store.secrets.set(SecretValue(token), name: "b")
        let sealed = try store.writer.read { db in try Data.fetchAll(db, sql: "SELECT value FROM secret") }
        XCTAssertEqual(sealed.count, 2)
        XCTAssertNotEqual(sealed[0].prefix(12), sealed[1].prefix(12))
    }

    func test_anInMemoryStoreSealsUnderAKeyOfItsOwn() throws {
        let store = try ScimdeckStore()
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken)
        let stored = try store.writer.read { db in try Data.fetchOne(db, sql: "SELECT value FROM secret") }
        XCTAssertNil(try XCTUnwrap(stored).range(of: Data(token.utf8)))
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken)?.revealText(), token)
        XCTAssertEqual(try store.secrets.rotateKey().resealed, 1)
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken)?.revealText(), token)
    }
}
