import Provisioning
import SCIM
import Store
import XCTest

/// One test per provisioning rule of DESIGN.md, against a real scim2-server.
final class ProvisioningRulesTests: XCTestCase {
    func test_directlyAssignedPersonIsCreatedWithTheMappedProfileAndNothingIsSentTwice() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example", first: "Zoë", last: "Ødegaard")
        try world.person("li@corp.example", first: "小龙", last: "李")
        try world.assign(person: "zoe@corp.example")

        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.provisionUser], 1)
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.map(\.userName), ["zoe@corp.example"])
        let zoe = try XCTUnwrap(users.first)
        XCTAssertEqual(zoe.name?.attributes["givenName"], .string("Zoë"))
        XCTAssertEqual(zoe.name?.attributes["familyName"], .string("Ødegaard"))
        XCTAssertEqual(zoe.primaryEmail, "zoe@corp.example")
        XCTAssertEqual(zoe.emails.first?.attributes["type"], .string("work"))
        XCTAssertTrue(zoe.active)

        let requestsBefore = try world.requestLog().count
        let again = try await world.sync()
        XCTAssertTrue(again.plan.isEmpty)
        XCTAssertEqual(try world.requestLog().count, requestsBefore, "an unchanged directory sends nothing")
    }

    func test_assigningAGroupProvisionsItsMembersWithoutPushingTheGroup() async throws {
        let world = try EngineWorld()
        try world.person("a@corp.example", groups: ["Sales"])
        try world.person("b@corp.example", groups: ["Sales"])
        try world.person("c@corp.example", groups: ["Finance"])
        try world.assign(group: "Sales")

        try await world.sync()
        let userNames = try await world.remoteUsers().compactMap(\.userName).sorted()
        XCTAssertEqual(userNames, ["a@corp.example", "b@corp.example"])
        let groups = try await world.remoteGroups()
        XCTAssertTrue(groups.isEmpty)
    }

    func test_unassignedPersonIsDeactivatedAndReassignedPersonIsReactivated() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()

        try world.unassign(person: "zoe@corp.example")
        let leaving = try await world.sync()
        XCTAssertEqual(leaving.report.succeeded[.deactivateUser], 1)
        let deactivated = try await world.remoteUser("zoe@corp.example")
        XCTAssertEqual(deactivated?.active, false)
        XCTAssertTrue(try world.requestLog().contains { $0.hasPrefix("PATCH /v2/Users/") })
        XCTAssertFalse(try world.requestLog().contains { $0.hasPrefix("DELETE") }, "users are never deleted")

        try world.assign(person: "zoe@corp.example")
        let back = try await world.sync()
        XCTAssertEqual(back.report.succeeded[.reactivateUser], 1)
        let reactivated = try await world.remoteUser("zoe@corp.example")
        XCTAssertEqual(reactivated?.active, true)
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.count, 1)
    }

    func test_deactivatedInTheDirectoryIsDeactivatedInTheApp() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()

        var zoe = try XCTUnwrap(try world.store.directory.person(login: "zoe@corp.example"))
        zoe.status = .deactivated
        try world.store.directory.updatePerson(zoe)
        try await world.sync()
        let remote = try await world.remoteUser("zoe@corp.example")
        XCTAssertEqual(remote?.active, false)
    }

    func test_togglesOffSendNothing() async throws {
        let world = try EngineWorld(toggles: .allOff)
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        let result = try await world.sync()
        XCTAssertTrue(result.plan.isEmpty)
        XCTAssertEqual(try world.requestLog(), [])
        let users = try await world.remoteUsers()
        XCTAssertTrue(users.isEmpty)
    }

    func test_updateSendsTheChangedProfileAndKeepsAttributesScimdeckDoesNotMap() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example", first: "Zoe")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()

        // The app holds something scimdeck does not map: a title set by the app's own admin.
        let remoteFound = try await world.remoteUser("zoe@corp.example")
        var remote = try XCTUnwrap(remoteFound)
        remote[attribute: "title"] = .string("Staff Engineer")
        _ = try await world.inspector.replace(remote)

        var zoe = try XCTUnwrap(try world.store.directory.person(login: "zoe@corp.example"))
        zoe.firstName = "Zoë"
        try world.store.directory.updatePerson(zoe)
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.updateUser], 1)
        let updatedFound = try await world.remoteUser("zoe@corp.example")
        let updated = try XCTUnwrap(updatedFound)
        XCTAssertEqual(updated.name?.attributes["givenName"], .string("Zoë"))
        XCTAssertEqual(updated[attribute: "title"], .string("Staff Engineer"))
        XCTAssertTrue(try world.requestLog().contains { $0.hasPrefix("PUT /v2/Users/") }, "the okta profile updates with a full PUT")
    }

    func test_userNamesEqualButForCaseAreOneConflictNeverTwoRemoteUsers() async throws {
        let world = try EngineWorld()
        // Logins differ; the mapped userName (the email) differs only by case.
        try world.person("zoe1", email: "Zoe@Corp.example")
        try world.person("zoe2", email: "zoe@corp.example")
        try world.assign(person: "zoe1")
        try world.assign(person: "zoe2")
        let result = try await world.sync()
        XCTAssertEqual(result.plan.conflicts.count, 1)
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.count, 0)
    }

    func test_userTheAppAlreadyHoldsUnderOtherCaseIsLinkedNotDuplicated() async throws {
        let world = try EngineWorld()
        _ = try await world.inspector.createUser(SCIMUser(userName: "ZOE@CORP.EXAMPLE"))
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.provisionUser], 1)
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.count, 1)
        let link = try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: try XCTUnwrap(try world.store.directory.person(login: "zoe@corp.example")?.id))
        XCTAssertEqual(link?.remoteId, users.first?.id)
    }
}

final class RequestProfileTests: XCTestCase {
    func test_rfc7644ProfileUpdatesWithAPatchOfPathsInsteadOfAFullPut() async throws {
        let world = try EngineWorld()
        var settings = try XCTUnwrap(try world.store.records(ProvisioningSettings.self).fetch(key: world.appID))
        settings.requestProfile = .rfc7644
        try world.store.records(ProvisioningSettings.self).update(settings)
        try world.person("zoe@corp.example", first: "Zoe")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()

        var zoe = try XCTUnwrap(try world.store.directory.person(login: "zoe@corp.example"))
        zoe.firstName = "Zoë"
        zoe.email = "zoe.o@corp.example"
        try world.store.directory.updatePerson(zoe)
        let result = try await world.sync()
        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        XCTAssertEqual(result.report.succeeded[.updateUser], 1)
        // scim2-server announces Bulk: the PATCH of paths travels inside a POST /Bulk.
        let log = try world.requestLog()
        XCTAssertTrue(log.contains("POST /v2/Bulk"), "\(log)")
        XCTAssertFalse(log.contains { $0.hasPrefix("PUT ") })
        let bulk = try XCTUnwrap(try world.store.provisioning.requestLog(appId: world.appID, limit: 100).first { $0.path == "/v2/Bulk" })
        let body = try XCTUnwrap(bulk.requestBody)
        XCTAssertTrue(body.contains(#""method":"PATCH""#) && body.contains(#""path":"name.givenName""#), body)
        let updated = try await world.remoteUser("zoe.o@corp.example")
        XCTAssertEqual(updated?.name?.attributes["givenName"], .string("Zoë"))
        XCTAssertEqual(updated?.primaryEmail, "zoe.o@corp.example")
        XCTAssertEqual(updated?.emails.count, 1)
    }
}
