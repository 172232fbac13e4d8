import Foundation
import Store
import XCTest

/// Saved apps carry the id their insert gave them; a settings write is one transaction.
final class AppSettingsWriteTests: StoreTestCase {
    private func add(_ store: ScimdeckStore, _ label: String) throws -> Saved<AppIntegration> {
        try store.apps.add(AppIntegration(catalogEntry: "axiad-cloud", label: label), signOn: SignOnSettings(appId: 0),
                           provisioning: ProvisioningSettings(appId: 0), mappings: [])
    }

    func test_anAddedAppIsReadBackByItsIdAndLabelWithTheSameId() throws {
        let store = try openStore()
        let first = try add(store, "Axiad")
        let second = try add(store, "HR")
        XCTAssertNotEqual(first.id, second.id)
        XCTAssertEqual(try store.apps.app(id: second.id).map { [String($0.id), $0.label] }, [String(second.id), "HR"])
        XCTAssertEqual(try store.apps.app(named: "axiad")?.id, first.id)
        XCTAssertEqual(try store.apps.app(named: String(second.id))?.label, "HR")
        XCTAssertEqual(try store.apps.all().map(\.id), [first.id, second.id])
        XCTAssertNil(try store.apps.app(id: 999))
        XCTAssertEqual(try store.records(ProvisioningSettings.self).fetch(key: second.id)?.appId, second.id, "its settings rows use the same id")
    }

    func test_aWriteThatFailsPartWayLeavesEveryPartAsItWas() throws {
        let store = try openStore()
        let axiad = try add(store, "Axiad")
        _ = try add(store, "HR")
        var renamed = axiad.record
        renamed.label = "hr"
        var settings = ProvisioningSettings(appId: axiad.id, apiIntegrationEnabled: true, baseURL: "https://axiad.example/scim/v2")
        settings.createUsers = true
        let write = AppSettingsWrite(app: renamed, signOn: SignOnSettings(appId: axiad.id, acsURL: "https://axiad.example/acs"),
                                     provisioning: settings, apiToken: SecretValue("token-0123456789"))
        XCTAssertThrowsError(try store.saveAppSettings(write, appId: axiad.id)) { error in
            XCTAssertEqual(error as? StoreError, .duplicateAppLabel("hr"))
        }
        XCTAssertEqual(try store.apps.app(id: axiad.id)?.label, "Axiad")
        XCTAssertEqual(try store.records(SignOnSettings.self).fetch(key: axiad.id)?.acsURL, "")
        XCTAssertEqual(try store.records(ProvisioningSettings.self).fetch(key: axiad.id)?.apiIntegrationEnabled, false)
        XCTAssertFalse(try store.secrets.contains(name: SecretName.apiToken, appId: axiad.id))

        renamed.label = "Axiad (prod)"
        try store.saveAppSettings(AppSettingsWrite(app: renamed, signOn: write.signOn, provisioning: settings, apiToken: write.apiToken), appId: axiad.id)
        XCTAssertEqual(try store.apps.app(id: axiad.id)?.label, "Axiad (prod)")
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken, appId: axiad.id)?.revealText(), "token-0123456789")
        XCTAssertThrowsError(try store.saveAppSettings(AppSettingsWrite(provisioning: settings), appId: 999)) { error in
            XCTAssertEqual(error as? StoreError, .appNotFound(999))
        }
    }
}
