import Provisioning
import Store
import ViewModels
import XCTest

final class DirectoryAndDemoTests: XCTestCase {
    func test_importingTheSampleFileFillsPeopleAndGroups() throws {
        let workspace = Workspace(store: try ScimdeckStore(), location: ":memory:")
        let result = DirectoryListing.importFile(at: SampleDirectory.path, in: workspace)
        XCTAssertTrue(result.ok, result.message)
        XCTAssertTrue(result.message.contains("50 people added"), result.message)
        let listing = try DirectoryListing.load(workspace)
        XCTAssertEqual(listing.people.count, 50)
        let li = try XCTUnwrap((0..<listing.people.count).first { listing.people.login($0) == "xiaolong.li@example.com" })
        XCTAssertEqual(listing.people.name(li), "小龙 李")
        XCTAssertEqual(listing.people.email(li), "xiaolong.li@example.com")
        XCTAssertEqual(listing.people.status(li), .active)
        XCTAssertEqual(listing.groups.first { $0[0] == "Everyone" }?[2], "50")
    }

    func test_aMissingFileIsReportedNotThrown() throws {
        let workspace = Workspace(store: try ScimdeckStore(), location: ":memory:")
        let result = DirectoryListing.importFile(at: "/nonexistent/people.csv", in: workspace)
        XCTAssertFalse(result.ok)
        XCTAssertTrue(result.message.contains("/nonexistent/people.csv"), result.message)
        XCTAssertFalse(DirectoryListing.importFile(at: "  ", in: workspace).ok)
    }

    func test_theDemoHasTheSampleDirectoryAndAnActiveAxiadAppWithItsTokenStored() throws {
        let store = try ScimdeckStore()
        let workspace = Workspace(store: store, location: ":memory:")
        XCTAssertTrue(try workspace.isEmpty())
        let demo = DemoWorkspace(directoryFile: SampleDirectory.path, baseURL: "http://127.0.0.1:9999/v2", token: "demo-token-1234567890")
        _ = try demo.apply(to: store)
        XCTAssertFalse(try workspace.isEmpty())
        let app = try XCTUnwrap(try store.apps.app(named: DemoWorkspace.appLabel))
        let appID = try XCTUnwrap(app.id)
        XCTAssertEqual(app.catalogEntry, Catalog.axiadCloud.id)
        let settings = try XCTUnwrap(try store.records(ProvisioningSettings.self).fetch(key: appID))
        XCTAssertTrue(settings.apiIntegrationEnabled && settings.createUsers && settings.updateUserAttributes && settings.deactivateUsers)
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText(), "demo-token-1234567890")
        XCTAssertEqual(try store.provisioning.scope(appId: appID).count, 50, "Everyone is assigned")
        XCTAssertEqual(try store.records(PushGroupLink.self).all(appId: appID).count, 1, "Engineering is pushed")
        XCTAssertEqual(try ApplicationsList.load(workspace).first?.provisioning, "● Active")
        XCTAssertEqual(try SignOnService(store: store).configuration(appID: appID), DemoWorkspace.signOn, "Preview SAML works at once")
        XCTAssertEqual(DemoWorkspace.signOn.problems, [:])
    }

    func test_applyingTheDemoAgainFollowsTheNewServerAndForgetsOldLinks() throws {
        let store = try ScimdeckStore()
        _ = try DemoWorkspace(directoryFile: SampleDirectory.path, baseURL: "http://127.0.0.1:1/v2", token: "old-token").apply(to: store)
        let appID = try XCTUnwrap(try store.apps.app(named: DemoWorkspace.appLabel)?.id)
        let person = try XCTUnwrap(try store.directory.people().first)
        _ = try store.records(RemoteLink.self).insert(RemoteLink(appId: appID, kind: .user, localId: try XCTUnwrap(person.id), remoteId: "gone"))
        _ = try DemoWorkspace(directoryFile: SampleDirectory.path, baseURL: "http://127.0.0.1:2/v2", token: "new-token").apply(to: store)
        XCTAssertEqual(try store.apps.all().count, 1)
        XCTAssertEqual(try store.records(ProvisioningSettings.self).fetch(key: appID)?.baseURL, "http://127.0.0.1:2/v2")
        XCTAssertEqual(try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText(), "new-token")
        XCTAssertEqual(try store.records(RemoteLink.self).all(appId: appID).count, 0)
        XCTAssertEqual(try store.directory.peopleCount(), 50, "the directory is not imported twice")
    }
}
