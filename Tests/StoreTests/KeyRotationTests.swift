import Foundation
import GRDB
@testable import Store
import XCTest

/// `rotateKey`: every secret resealed under a new key in one transaction, the key file replaced after.
final class KeyRotationTests: SecretStoreTestCase {
    func test_rotationResealsEverySecretAndKeepsThePreviousKeyBesideTheNewOne() throws {
        let store = try openStore(keyFile: keyPath)
        let appID = try addApp(store)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
        try store.secrets.set(SecretValue(bindPassword), name: "ldapBindPassword")
        let old = try XCTUnwrap(try KeyFile.read(keyPath))

        let rotation = try store.secrets.rotateKey()
        XCTAssertEqual(rotation.previousKey, old.fingerprint)
        XCTAssertEqual(rotation.resealed, 2)
        let new = try XCTUnwrap(try KeyFile.read(keyPath))
        XCTAssertEqual(new.fingerprint, rotation.newKey)
        XCTAssertNotEqual(new, old)
        XCTAssertEqual(try KeyFile.read(keyPath + ".previous"), old)
        XCTAssertFalse(FileManager.default.fileExists(atPath: keyPath + ".next"))
        XCTAssertEqual(try mode(keyPath), 0o600)

        // Only the new key is needed now.
        try FileManager.default.removeItem(atPath: keyPath + ".previous")
        let reopened = try openStore(keyFile: keyPath)
        XCTAssertEqual(try reopened.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText(), token)
        XCTAssertEqual(try reopened.secrets.get(name: "ldapBindPassword")?.revealText(), bindPassword)
        XCTAssertEqual(try filesHolding(token), [])
    }

    func test_aRotationCutOffAfterItsTransactionStillOpensEverySecret() throws {
        try openStore(keyFile: keyPath).secrets.set(SecretValue(token), name: SecretName.apiToken)
        let old = try XCTUnwrap(try KeyFile.read(keyPath))
        let cut = try ScimdeckStore(path: storePath, keys: CutBeforePromote(source: KeyFile(path: keyPath)))
        XCTAssertThrowsError(try cut.secrets.rotateKey())
        XCTAssertEqual(try KeyFile.read(keyPath), old, "the key file was not replaced")

        // The secrets are sealed under the staged key, which opening finds beside the key file.
        let reopened = try openStore(keyFile: keyPath)
        XCTAssertEqual(try reopened.secrets.get(name: SecretName.apiToken)?.revealText(), token)
        let finished = try reopened.secrets.rotateKey()
        XCTAssertEqual(try openStore(keyFile: keyPath).secrets.get(name: SecretName.apiToken)?.revealText(), token)
        XCTAssertEqual(try KeyFile.read(keyPath)?.fingerprint, finished.newKey)
    }

    func test_aSecretSpoiledWhileARotationStartsStopsItWithNothingResealed() throws {
        let store = try openStore(keyFile: keyPath)
        let appID = try addApp(store)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: appID)
        let old = try XCTUnwrap(try KeyFile.read(keyPath))
        // Another process spoils the row after the check, before the transaction.
        let spoiling = SpoilOnStage(source: KeyFile(path: keyPath), storePath: storePath)
        let rotating = try ScimdeckStore(path: storePath, keys: spoiling)
        XCTAssertThrowsError(try rotating.secrets.rotateKey()) { error in
            guard case .tampered(let secret) = error as? SecretStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(secret.appLabel, "Axiad")
        }
        XCTAssertEqual(try KeyFile.read(keyPath), old)
        let keyIds = try store.writer.read { db in try String?.fetchAll(db, sql: "SELECT keyId FROM secret") }
        XCTAssertEqual(keyIds, [old.fingerprint], "the transaction was rolled back")
    }

    func test_rotationChangesNothingWhenASecretCannotBeRead() throws {
        try openStore(keyFile: keyPath).secrets.set(SecretValue(token), name: SecretName.apiToken)
        let elsewhere = directory.appendingPathComponent("other/store.key").path
        let copied = try openStore(keyFile: elsewhere)
        try copied.secrets.set(SecretValue(bindPassword), name: "ldapBindPassword")
        let before = try XCTUnwrap(try KeyFile.read(elsewhere))
        XCTAssertThrowsError(try copied.secrets.rotateKey()) { error in
            guard case .rotationBlocked(let problems) = error as? SecretStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.count, 1)
            XCTAssertTrue("\(error)".contains("the API token of the workspace cannot be read"), "\(error)")
        }
        XCTAssertEqual(try KeyFile.read(elsewhere), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere + ".next"))
        XCTAssertEqual(try copied.secrets.get(name: "ldapBindPassword")?.revealText(), bindPassword)
    }
}

/// A key source whose rotation is cut off between the store's transaction and the key's promotion,
/// as a crash there would.
struct CutBeforePromote: SecretKeySource {
    let source: any SecretKeySource
    struct Cut: Error {}
    var location: String { source.location }
    func openingKeys() throws -> [SecretKey] { try source.openingKeys() }
    func sealingKey() throws -> SecretKey { try source.sealingKey() }
    func stage(_ fresh: SecretKey) throws { try source.stage(fresh) }
    func promote(_ fresh: SecretKey) throws { throw Cut() }
}

/// A key file whose staging is followed, as by another process, by a write that spoils every sealed value.
struct SpoilOnStage: SecretKeySource {
    let source: KeyFile
    let storePath: String
    var location: String { source.location }
    func openingKeys() throws -> [SecretKey] { try source.openingKeys() }
    func sealingKey() throws -> SecretKey { try source.sealingKey() }
    func stage(_ fresh: SecretKey) throws {
        try source.stage(fresh)
        let other = try DatabaseQueue(path: storePath)
        try other.write { db in try db.execute(sql: "UPDATE secret SET value = zeroblob(40)") }
        try other.close()
    }
    func promote(_ fresh: SecretKey) throws { try source.promote(fresh) }
}
