import Foundation
import Store
import XCTest

final class SecretStoreTests: StoreTestCase {
    func test_secretRoundTripsButNeverPrints() throws {
        let store = try openStore()
        let token = "s3cr3t-token-value"
        try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: nil)
        let read = try XCTUnwrap(try openStore().secrets.get(name: SecretName.apiToken))
        XCTAssertEqual(read.revealText(), token)
        var dumped = ""
        dump(read, to: &dumped)
        for text in ["\(read)", String(describing: read), String(reflecting: read), dumped] {
            XCTAssertFalse(text.contains(token), text)
        }
        XCTAssertEqual("\(read)", SecretValue.mask)
    }

    func test_setReplacesAndScopesByApp() throws {
        let store = try openStore()
        let app = try store.records(AppIntegration.self).insert(AppIntegration(catalogEntry: "generic-scim2", label: "A"))
        try store.secrets.set(SecretValue("one"), name: SecretName.apiToken, appId: app.id)
        try store.secrets.set(SecretValue("two"), name: SecretName.apiToken, appId: app.id)
        try store.secrets.set(SecretValue("workspace"), name: SecretName.apiToken, appId: nil)
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken, appId: app.id)?.revealText(), "two")
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken)?.revealText(), "workspace")
        XCTAssertEqual(try store.secrets.names(appId: app.id), [SecretName.apiToken])
        XCTAssertTrue(try store.secrets.remove(name: SecretName.apiToken, appId: app.id))
        XCTAssertNil(try store.secrets.get(name: SecretName.apiToken, appId: app.id))
    }
}
