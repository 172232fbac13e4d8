import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import ViewModels
import XCTest

/// The guide's steps 2.1–2.8 on the Provisioning tab, start to finish, against a fresh scim2-server;
/// then the engine provisions one person with what the screens stored.
final class ProvisioningTabFlowTests: XCTestCase {
    func test_guideSteps2_1To2_8ThenASyncSendsTheEditedMapping() async throws {
        let server = try SCIMServerFixture.start()
        defer { server.stop() }
        let world = try TabWorld()
        let runner = world.runner
        var tab = ProvisioningTabViewModel(appLabel: world.app.label)
        await runner.send(.appear, to: &tab)
        XCTAssertEqual(tab.section, .toApp)
        XCTAssertEqual(tab.integration.phase, .summary)
        XCTAssertEqual(tab.toApp.phase, .viewing)
        XCTAssertEqual(tab.mappings.rows.count, 5)

        // Show Unmapped Attributes before any connection: the standard list.
        await runner.send(.mappings(.toggleUnmapped), to: &tab)
        guard case .standard = tab.mappings.unmappedSource else { return XCTFail("\(tab.mappings.unmappedSource)") }

        // 2.1–2.4: Configure API Integration, enable, base URL, token, Test API Credentials, Save.
        await runner.send(.selectSection(.integration), to: &tab)
        await runner.send(.integration(.configure), to: &tab)
        await runner.send(.integration(.setAPIIntegration(true)), to: &tab)
        await runner.send(.integration(.editBaseURL(server.baseURL.absoluteString)), to: &tab)
        await runner.send(.integration(.typeToken(server.token)), to: &tab)
        XCTAssertTrue(tab.hasUnsavedChanges)
        await runner.send(.integration(.testCredentials), to: &tab)
        XCTAssertTrue(tab.integration.credentialStatusText?.contains("was verified successfully") ?? false)
        await runner.send(.integration(.save), to: &tab)
        XCTAssertEqual(tab.integration.phase, .summary)
        // The saved connection refreshed the unmapped list from the app's own /Schemas.
        XCTAssertEqual(tab.mappings.unmappedSource, .provider)

        // 2.5–2.7: Edit, Create / Update / Deactivate Users, Save.
        await runner.send(.selectSection(.toApp), to: &tab)
        await runner.send(.toApp(.edit), to: &tab)
        for option in ToAppOption.allCases { await runner.send(.toApp(.toggle(option)), to: &tab) }
        await runner.send(.toApp(.save), to: &tab)
        XCTAssertEqual(tab.toApp.toggles, .allOn)

        // 2.8: givenName maps from user.firstName (the guide's table says lastName: a typo); edit it.
        let givenName = try XCTUnwrap(tab.mappings.rows.firstIndex { $0.attribute == "name.givenName" })
        XCTAssertEqual(tab.mappings.rows[givenName].expression, "user.firstName")
        await runner.send(.mappings(.select(givenName)), to: &tab)
        await runner.send(.mappings(.editSelected), to: &tab)
        await runner.send(.mappings(.editExpression("user.firstName + ' (' + user.department + ')'")), to: &tab)
        XCTAssertEqual(tab.mappings.draftPreview, #""José (Ingeniería)""#)
        await runner.send(.mappings(.saveDraft), to: &tab)
        XCTAssertFalse(tab.hasUnsavedChanges)

        // What the screens stored drives the engine: assign José and sync.
        let jose = try XCTUnwrap(try world.store.directory.person(login: "jose.nunez@corp.example"))
        try world.store.records(Assignment.self).insert(Assignment(appId: world.appID, personId: jose.id, groupId: nil))
        let engine = ProvisioningEngine(store: world.store, app: world.app)
        let result = try await engine.sync(client: try engine.client(transport: TabWorld.transport, retry: .never))
        XCTAssertEqual(result.report.failures.count, 0, "\(result.report.failures.map(\.reason))")
        XCTAssertEqual(result.report.succeededCount, 1)
        let inspector = SCIMClient(configuration: SCIMClientConfiguration(baseURL: server.baseURL, token: try XCTUnwrap(BearerToken(server.token))),
                                   transport: TabWorld.transport)
        let remote = try await inspector.findUser(userName: "jose.nunez@corp.example")
        XCTAssertEqual(remote?.name?.givenName, "José (Ingeniería)")
        XCTAssertEqual(remote?.name?.familyName, "Núñez")
    }
}
