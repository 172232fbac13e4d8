import Foundation
@testable import Store
import TestSupport
import XCTest

/// The store's key in the desktop keyring: a real Secret Service (gnome-keyring on a private session
/// bus) that the test starts and stops.
final class SecretServiceKeysTests: SecretStoreTestCase {
    var service: SecretServiceFixture!
    /// A session with the keyring, and a config home where no key file is.
    var environment: [String: String] = [:]

    override func setUpWithError() throws {
        try super.setUpWithError()
        try XCTSkipUnless(SecretServiceFixture.isInstalled, "needs dbus-daemon, gnome-keyring and libsecret-tools (secret-tool)")
        service = try SecretServiceFixture.start()
        environment = service.environment.merging(["XDG_CONFIG_HOME": directory.appendingPathComponent("config").path]) { $1 }
    }

    override func tearDownWithError() throws {
        service?.stop()
        try super.tearDownWithError()
    }

    func test_withASessionKeyringTheKeyIsKeptThereAndNoKeyFileIsMade() throws {
        let source = StoreKeyLocation.defaultSource(environment: environment)
        XCTAssertTrue(source is SecretServiceKeys, "\(source.location)")
        let store = try ScimdeckStore(path: storePath, keys: source)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken)
        XCTAssertFalse(FileManager.default.fileExists(atPath: StoreKeyLocation.defaultPath(environment: environment)))
        XCTAssertEqual(try filesHolding(token), [])

        let reopened = try ScimdeckStore(path: storePath, keys: StoreKeyLocation.defaultSource(environment: environment))
        XCTAssertEqual(try reopened.secrets.get(name: SecretName.apiToken)?.revealText(), token)
        // Without the keyring (another machine, no session), the store says where it looked.
        let elsewhere = try ScimdeckStore(path: storePath, keys: KeyFile(path: keyPath))
        XCTAssertThrowsError(try elsewhere.secrets.get(name: SecretName.apiToken))
    }

    func test_aRotationInTheKeyringReplacesTheCurrentKeyAndACutOneStillOpens() throws {
        let keyring = try XCTUnwrap(SecretServiceKeys.available(environment: environment))
        let store = try ScimdeckStore(path: storePath, keys: keyring)
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken)
        let first = try keyring.sealingKey()

        let rotation = try store.secrets.rotateKey()
        XCTAssertEqual(rotation.previousKey, first.fingerprint)
        XCTAssertEqual(try keyring.sealingKey().fingerprint, rotation.newKey)
        XCTAssertEqual(Set(try keyring.openingKeys().map(\.fingerprint)), [first.fingerprint, rotation.newKey])

        let cut = try ScimdeckStore(path: storePath, keys: CutBeforePromote(source: keyring))
        XCTAssertThrowsError(try cut.secrets.rotateKey())
        XCTAssertEqual(try keyring.sealingKey().fingerprint, rotation.newKey, "the current key stayed")
        XCTAssertEqual(try ScimdeckStore(path: storePath, keys: keyring).secrets.get(name: SecretName.apiToken)?.revealText(), token,
                       "sealed with the staged key, which opening finds in the keyring")
    }

    func test_withoutASessionBusTheKeyFileIsUsed() throws {
        var noBus = environment
        noBus["DBUS_SESSION_BUS_ADDRESS"] = nil
        XCTAssertTrue(StoreKeyLocation.defaultSource(environment: noBus) is KeyFile)
        // A key file already made wins over the keyring: a key is looked for where it was made.
        let file = KeyFile(path: StoreKeyLocation.defaultPath(environment: environment))
        _ = try file.sealingKey()
        XCTAssertTrue(StoreKeyLocation.defaultSource(environment: environment) is KeyFile)
    }
}
