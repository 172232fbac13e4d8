import Provisioning
import SCIM
import Store
import XCTest

/// `reconcile` against a real scim2-server: links what matches, reports drift, and the next sync
/// sends only the difference.
final class ReconcileTests: XCTestCase {
    private func reconcile(_ world: EngineWorld, dryRun: Bool) async throws -> ReconcileReport {
        let engine = try world.engine
        return try await engine.reconcile(client: try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry), dryRun: dryRun)
    }

    func test_appUsersMatchingTheDirectoryAreLinkedAndTheNextSyncCreatesNone() async throws {
        let world = try EngineWorld()
        _ = try await world.inspector.createUser(SCIMUser(userName: "ZOE@corp.example"))
        _ = try await world.inspector.createUser(SCIMUser(userName: "li@corp.example"))
        _ = try await world.inspector.createUser(SCIMUser(userName: "stranger@corp.example"))
        let zoe = try world.person("zoe@corp.example")
        try world.person("li@corp.example")
        try world.assign(person: "zoe@corp.example")
        try world.assign(person: "li@corp.example")

        let preview = try await reconcile(world, dryRun: true)
        XCTAssertEqual(Set(preview.linkedUsers.map(\.userName)), ["zoe@corp.example", "li@corp.example"])
        XCTAssertEqual(preview.unknownRemoteUsers, ["stranger@corp.example"])
        XCTAssertTrue(try world.store.provisioning.remoteLinks(appId: world.appID, kind: .user).isEmpty, "a dry run records nothing")

        _ = try await reconcile(world, dryRun: false)
        let zoeLink = try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: zoe)
        let zoeRemote = try await world.inspector.findUser(userName: "zoe@corp.example")
        XCTAssertEqual(zoeLink?.remoteId, zoeRemote?.id)

        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.updateUser], 2, "linked users get their profile, not a second create")
        XCTAssertFalse(try world.requestLog().contains("POST /v2/Users"))
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.count, 3)
    }

    func test_attributeChangedInTheAppIsReportedWithBothValues() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example", first: "Zoë")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()
        let found1 = try await world.remoteUser("zoe@corp.example")
        var remote = try XCTUnwrap(found1)
        remote.name = SCIMName(attributes: ["givenName": .string("Zoe"), "familyName": .string("Ødegaard")])
        _ = try await world.inspector.replace(remote)

        let report = try await reconcile(world, dryRun: true)
        XCTAssertEqual(report.attributeDrift, [.init(userName: "zoe@corp.example", attribute: "name.givenName", inApp: "Zoe", inDirectory: "Zoë")])
    }

    func test_memberRemovedInTheAppIsReportedAndPutBackByTheNextSync() async throws {
        let world = try EngineWorld()
        for login in ["a@corp.example", "b@corp.example", "c@corp.example"] { try world.person(login, groups: ["Sales"]) }
        try world.assign(group: "Sales")
        try world.push(group: "Sales")
        try await world.sync()
        let found2 = try await world.remoteGroups().first
        let group = try XCTUnwrap(found2)
        let found3 = try await world.remoteUser("b@corp.example")?.id
        let b = try XCTUnwrap(found3)
        _ = try await world.inspector.updateGroupMembers(id: try XCTUnwrap(group.id), remove: [b])

        let report = try await reconcile(world, dryRun: false)
        XCTAssertEqual(report.memberDrift.map(\.missingInApp), [1])
        XCTAssertEqual(report.memberDrift.map(\.extraInApp), [0])
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.addMembers], 1)
        let found4 = try await world.remoteGroups().first?.members.compactMap(\.value)
        let members = try XCTUnwrap(found4)
        XCTAssertEqual(Set(members).count, 3)
        XCTAssertTrue(members.contains(b))
    }

    func test_userDeletedInTheAppIsUnlinkedAndProvisionedAgain() async throws {
        let world = try EngineWorld()
        let zoe = try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()
        let found5 = try await world.remoteUser("zoe@corp.example")?.id
        let remoteID = try XCTUnwrap(found5)
        try await world.inspector.delete(SCIMUser.self, id: remoteID)

        let report = try await reconcile(world, dryRun: false)
        XCTAssertEqual(report.missingRemoteUsers, [zoe])
        XCTAssertNil(try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: zoe))
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.provisionUser], 1)
        let again = try await world.remoteUser("zoe@corp.example")
        XCTAssertNotNil(again)
        XCTAssertNotEqual(again?.id, remoteID)
    }
}
