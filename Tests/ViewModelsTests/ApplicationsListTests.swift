import Provisioning
import Store
import ViewModels
import XCTest

final class ApplicationsListTests: XCTestCase {
    func test_rowsShowCatalogProvisioningStateAndCounts() throws {
        let store = try ScimdeckStore()
        let workspace = Workspace(store: store, location: ":memory:")
        XCTAssertEqual(try ApplicationsList.load(workspace), [])
        let plain = try AppCreation.add(entry: Catalog.genericSCIM, label: "HR Portal", in: store)
        let active = try AppCreation.add(entry: Catalog.axiadCloud, label: "李小龙的应用",
                                         provisioning: ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: "http://127.0.0.1:9/v2"), in: store)
        let person = try store.directory.addPerson(Person(login: "a@example.com", email: "a@example.com"))
        let group = try store.directory.addGroup(DirectoryGroup(name: "Sales"))
        _ = try store.records(RemoteLink.self).insert(RemoteLink(appId: try XCTUnwrap(active.id), kind: .user, localId: try XCTUnwrap(person.id), remoteId: "r1"))
        _ = try store.records(PushGroupLink.self).insert(PushGroupLink(appId: try XCTUnwrap(active.id), groupId: try XCTUnwrap(group.id)))

        XCTAssertEqual(try ApplicationsList.load(workspace)[1].provisioning, "⚠ No API token", "on with a URL is not enough to sync")
        XCTAssertEqual(try ApplicationsList.load(workspace)[1].isProvisioningActive, false)
        try store.secrets.set(SecretValue("a-token-long-enough-3f9a"), name: SecretName.apiToken, appId: try XCTUnwrap(active.id))
        let rows = try ApplicationsList.load(workspace)
        XCTAssertEqual(rows.map(\.label), ["HR Portal", "李小龙的应用"])
        XCTAssertEqual(rows[0].id, plain.id)
        XCTAssertEqual(rows[0].catalogName, "Generic SCIM 2.0")
        XCTAssertEqual(rows[0].provisioning, "○ Not configured")
        XCTAssertEqual(rows[1].provisioning, "● Active")
        XCTAssertTrue(rows[1].isProvisioningActive)
        XCTAssertEqual([rows[1].users, rows[1].groups, rows[1].failedTasks], [1, 1, 0])
        XCTAssertEqual(rows[1].tasksText, "–")
    }
}
