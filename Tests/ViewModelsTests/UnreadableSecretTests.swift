import Foundation
import Provisioning
import Store
import TestSupport
import ViewModels
import XCTest

/// A store opened without the key its token was sealed with: the app's tabs still open, the Integration
/// tab says the token cannot be read, and the app counts as configured (a sync then says why it fails).
final class UnreadableSecretTests: XCTestCase {
    func test_theIntegrationTabOfAStoreWithoutItsKeySaysTheTokenCannotBeRead() async throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("unreadable-secret")
        defer { try? FileManager.default.removeItem(at: directory) }
        let storePath = directory.appendingPathComponent("store.sqlite").path
        let sealing = try ScimdeckStore(path: storePath, keys: KeyFile(path: directory.appendingPathComponent("a/store.key").path))
        let app = try sealing.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "Axiad"), signOn: SignOnSettings(appId: 0),
                                       provisioning: ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: "https://axiad.example/scim/v2"),
                                       mappings: [])
        let appID = try XCTUnwrap(app.id)
        try sealing.secrets.set(SecretValue("a-token-long-enough-3f9a"), name: SecretName.apiToken, appId: appID)

        let store = try ScimdeckStore(path: storePath, keys: KeyFile(path: directory.appendingPathComponent("b/store.key").path))
        let runner = ProvisioningEffectRunner(store: store, app: app, transport: TabWorld.transport)
        var model = IntegrationViewModel(appLabel: app.label)
        await runner.send(.appear, to: &model)
        XCTAssertEqual(model.saved.tokenHint, TokenHint.unreadable)
        XCTAssertEqual(model.saved.baseURL, "https://axiad.example/scim/v2", "the rest of the tab loads")
        XCTAssertTrue(try AppDetail.isProvisioningConfigured(appID: appID, in: Workspace(store: store, location: storePath)))
    }
}
