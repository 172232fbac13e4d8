import Provisioning
import Store
import ViewModels
import XCTest

final class AppDetailTests: XCTestCase {
    private var store: ScimdeckStore!
    private var workspace: Workspace!
    private var appID: Int64 = 0

    override func setUpWithError() throws {
        store = try ScimdeckStore()
        workspace = Workspace(store: store, location: ":memory:")
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: "https://scim.example.com/v2", createUsers: true)
        appID = try XCTUnwrap(try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud (prod)", provisioning: settings, in: store).id)
    }

    func test_everyTabButProvisioningHasAPanelAndGeneralShowsLabelEntryAndStack() throws {
        let detail = try AppDetail.load(appID: appID, in: workspace)
        XCTAssertEqual(Set(detail.panels.keys), [.general, .log], "the other tabs have screens of their own")
        let general = detail.panel(.general).fields.map { "\($0.label): \($0.value)" }
        XCTAssertEqual(Array(general.prefix(4)), ["Application label: Axiad Cloud (prod)", "Catalog entry: Axiad Cloud", "Stack: production",
                                                  "Provisioning: Not ready: no API token"])
        XCTAssertFalse(try AppDetail.isProvisioningConfigured(appID: appID, in: workspace), "no token is stored")
        XCTAssertEqual(try AppDetail.syncReadiness(appID: appID, in: workspace), .notReady(.noToken))
        try store.secrets.set(SecretValue("a-token-long-enough-3f9a"), name: SecretName.apiToken, appId: appID)
        XCTAssertTrue(try AppDetail.isProvisioningConfigured(appID: appID, in: workspace))
        XCTAssertEqual(try AppDetail.load(appID: appID, in: workspace).panel(.general).fields[3].value, "Active",
                       "the General tab, the Assignments tab and the sync read one rule")
    }

    func test_theLogPanelListsTheRequestLogNewestFirst() throws {
        _ = try store.records(RequestLogEntry.self).insert(RequestLogEntry(appId: appID, method: "GET", path: "/v2/Users?filter=x", statusCode: 200, latencyMilliseconds: 12, result: "ok"))
        _ = try store.records(RequestLogEntry.self).insert(RequestLogEntry(appId: appID, method: "POST", path: "/v2/Users", statusCode: 201, latencyMilliseconds: 30, result: "ok"))
        let rows = try AppDetail.load(appID: appID, in: workspace).panel(.log).rows
        XCTAssertEqual(rows.map { $0[1] }, ["POST", "GET"])
        XCTAssertEqual(Array(rows[0].suffix(3)), ["201", "30 ms", "ok"])
    }

    func test_assignmentsShowDirectAndGroupScopeWithStatus() throws {
        let direct = try store.directory.addPerson(Person(login: "jose@example.com", firstName: "José", lastName: "Núñez", email: "jose@example.com"))
        _ = try store.directory.addPerson(Person(login: "li@example.com", firstName: "小龙", lastName: "李", email: "li@example.com"))
        let sales = try store.directory.addGroup(DirectoryGroup(name: "Sales"))
        _ = try store.directory.addMember(login: "li@example.com", group: "Sales")
        _ = try store.records(Assignment.self).insert(Assignment(appId: appID, personId: direct.id, groupId: nil))
        _ = try store.records(Assignment.self).insert(Assignment(appId: appID, personId: nil, groupId: sales.id))
        _ = try store.records(RemoteLink.self).insert(RemoteLink(appId: appID, kind: .user, localId: try XCTUnwrap(direct.id), remoteId: "u1"))
        // Until the app can sync (here: no token) nothing is sent at all, and no row blames a switch.
        XCTAssertEqual(try AppAssignments(store: store, appID: appID).people().map(\.status), [.provisioned, .pending])
        try store.secrets.set(SecretValue("a-token-long-enough-3f9a"), name: SecretName.apiToken, appId: appID)
        let people = try AppAssignments(store: store, appID: appID).people()
        XCTAssertEqual(people.map { [$0.displayName, $0.login, $0.assignedText] }, [
            ["José Núñez", "jose@example.com", "direct"],
            ["小龙 李", "li@example.com", "Group: Sales"],
        ])
        // José's link carries no profile sent and Update User Attributes is off: his row says so.
        XCTAssertEqual(people.map(\.status), [.heldBack("Update User Attributes is off: changed in the directory, not updated in the app"), .pending])
        XCTAssertEqual(people.map(\.isRemovable), [true, false], "the ✕ is greyed for a person assigned through a group")
        var settings = try XCTUnwrap(try store.records(ProvisioningSettings.self).fetch(key: appID))
        settings.updateUserAttributes = true
        try store.records(ProvisioningSettings.self).update(settings)
        XCTAssertEqual(try AppAssignments(store: store, appID: appID).people().map(\.status), [.provisioned, .pending],
                       "with updates on, the next sync sends his profile; the link itself is live")
    }

    func test_deleteRemovesTheApp() throws {
        XCTAssertTrue(try AppDetail.delete(appID: appID, in: workspace))
        XCTAssertThrowsError(try AppDetail.load(appID: appID, in: workspace))
        XCTAssertEqual(try store.apps.all().count, 0)
    }
}
