import Provisioning
import SCIM
import Store
import XCTest

/// A leaver never keeps access, whatever made them leave; work a switch or a conflict keeps back
/// is said, never reported as "in sync". Against a real scim2-server.
final class LeaverAndHeldBackTests: XCTestCase {
    func test_personRemovedFromTheDirectoryIsDeactivatedInTheApp() async throws {
        let world = try EngineWorld()
        try world.person("bob@corp.example")
        try world.person("zoe@corp.example")
        try world.assign(person: "bob@corp.example")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()

        XCTAssertTrue(try world.store.directory.removePerson(login: "bob@corp.example"))
        let plan = try world.engine.plan()
        XCTAssertEqual(plan.counts.map(\.kind), [.deactivateUser], "the removed person's tombstone is planned for deactivation")
        let leaving = try await world.sync()
        XCTAssertEqual(leaving.report.succeeded[.deactivateUser], 1)
        XCTAssertEqual(leaving.outcome, .synced)
        let bob = try await world.remoteUser("bob@corp.example")
        XCTAssertEqual(bob?.active, false, "Bob no longer has access")
        let zoe = try await world.remoteUser("zoe@corp.example")
        XCTAssertEqual(zoe?.active, true)

        let again = try await world.sync()
        XCTAssertEqual(again.outcome, .upToDate, "the tombstone is deactivated once")
    }

    func test_personRemovedAndAddedBackUnderTheSameLoginEndsActiveAndOnce() async throws {
        let world = try EngineWorld()
        try world.person("bob@corp.example")
        try world.assign(person: "bob@corp.example")
        try await world.sync()

        XCTAssertTrue(try world.store.directory.removePerson(login: "bob@corp.example"))
        try world.person("bob@corp.example", first: "Robert")
        try world.assign(person: "bob@corp.example")
        let back = try await world.sync()
        XCTAssertTrue(back.report.failures.isEmpty, "\(back.report.failures)")
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.compactMap(\.userName), ["bob@corp.example"], "one user, never two")
        XCTAssertEqual(users.first?.active, true, "the new Bob is active")
        XCTAssertEqual(users.first?.name?.attributes["givenName"], .string("Robert"))
        let settled = try await world.sync()
        XCTAssertEqual(settled.outcome, .upToDate, "\(settled.plan.operations)")
    }

    func test_personDroppedFromAnAssignedGroupOrSuspendedIsDeactivated() async throws {
        let world = try EngineWorld()
        try world.person("ann@corp.example", groups: ["Sales"])
        try world.person("eve@corp.example", groups: ["Sales"])
        try world.assign(group: "Sales")
        try await world.sync()

        _ = try world.store.directory.removeMember(login: "ann@corp.example", group: "Sales")
        var eve = try XCTUnwrap(try world.store.directory.person(login: "eve@corp.example"))
        eve.status = .suspended
        try world.store.directory.updatePerson(eve)
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.deactivateUser], 2)
        for userName in ["ann@corp.example", "eve@corp.example"] {
            let user = try await world.remoteUser(userName)
            XCTAssertEqual(user?.active, false, userName)
        }
    }

    func test_createUsersOffHoldsPeopleBackAndTheSyncSaysSo() async throws {
        let world = try EngineWorld(toggles: ProvisioningToggles(createUsers: false, updateUserAttributes: true, deactivateUsers: true))
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        let personID = try XCTUnwrap(try world.store.directory.person(login: "zoe@corp.example")?.id)

        let plan = try world.engine.plan()
        XCTAssertTrue(plan.isEmpty)
        XCTAssertTrue(plan.holdsWorkBack)
        XCTAssertEqual(plan.heldBack, [HeldBack(reason: .createUsersOff, personIDs: [personID])])
        let result = try await world.sync()
        XCTAssertEqual(result.outcome, .heldBack, "never \"nothing to send\" while someone is held back")
        XCTAssertFalse(result.outcome.isComplete)
        XCTAssertTrue(result.headline(appLabel: "Axiad").contains("1 held back (Create Users is off: 1)"), result.headline(appLabel: "Axiad"))
        let users = try await world.remoteUsers()
        XCTAssertTrue(users.isEmpty)
    }

    func test_deactivateUsersOffHoldsTheLeaverBackInsteadOfSayingInSync() async throws {
        let world = try EngineWorld(toggles: ProvisioningToggles(createUsers: true, updateUserAttributes: true, deactivateUsers: false))
        try world.person("bob@corp.example")
        try world.assign(person: "bob@corp.example")
        try await world.sync()
        try world.unassign(person: "bob@corp.example")

        let result = try await world.sync()
        XCTAssertEqual(result.outcome, .heldBack)
        XCTAssertEqual(result.plan.heldBack.map(\.reason), [.deactivateUsersOff])
    }

    func test_userNameConflictIsHeldBackAndShownOnTheRows() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example")
        // Another login whose mapped userName (the email) is Zoë's but for case.
        try world.person("zoe.o@corp.example", email: "ZOE@corp.example")
        try world.assign(person: "zoe@corp.example")
        try world.assign(person: "zoe.o@corp.example")
        let result = try await world.sync()
        XCTAssertEqual(result.outcome, .heldBack)
        XCTAssertEqual(result.plan.conflicts.count, 1)

        let rows = try AppAssignments(store: world.store, appID: world.appID).people()
        XCTAssertEqual(rows.count, 2)
        for row in rows {
            guard case .conflict(let reason) = row.status else { return XCTFail("\(row.login): \(row.status)") }
            XCTAssertTrue(reason.contains("zoe@corp.example"), reason)
        }
    }

    func test_aFailedUpdateShowsErrorOnTheRowNotProvisioned() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        try await world.sync()
        // The app loses its user behind scimdeck's back, then the directory changes: the update fails.
        let zoe = try await world.remoteUser("zoe@corp.example")
        try await world.inspector.delete(SCIMUser.self, id: try XCTUnwrap(zoe?.id))
        var person = try XCTUnwrap(try world.store.directory.person(login: "zoe@corp.example"))
        person.lastName = "Martin"
        try world.store.directory.updatePerson(person)
        let result = try await world.sync()
        XCTAssertEqual(result.outcome, .failed)

        let row = try XCTUnwrap(try AppAssignments(store: world.store, appID: world.appID).people().first)
        guard case .error(let reason) = row.status else { return XCTFail("\(row.status)") }
        XCTAssertTrue(reason.contains("removed in the app"), reason)

        let recovered = try await world.sync()
        XCTAssertEqual(recovered.outcome, .synced, "the next run provisions her again")
        let back = try XCTUnwrap(try AppAssignments(store: world.store, appID: world.appID).people().first)
        XCTAssertEqual(back.status, .provisioned)
    }

    func test_createCutOffByAKillIsSettledWhenThePersonHasLeftScope() async throws {
        let world = try EngineWorld()
        let bob = try world.person("bob@corp.example")
        try world.assign(person: "bob@corp.example")
        // A run journaled Bob's create and was killed after the app made him, before the answer.
        let plan = try world.engine.plan()
        let create = try XCTUnwrap(plan.operations.first)
        _ = try await StoreLedger(store: world.store, appID: world.appID).operationStarted(create)
        _ = try await world.inspector.createUser(SCIMUser(userName: "bob@corp.example"))
        try world.unassign(person: "bob@corp.example")

        XCTAssertEqual(try world.engine.plan().operations, [.settleUncertainUser(personID: bob, userName: "bob@corp.example")])
        let result = try await world.sync()
        XCTAssertEqual(result.outcome, .synced, "\(result.report.failures)")
        let user = try await world.remoteUser("bob@corp.example")
        XCTAssertEqual(user?.active, false, "the leaver the killed run made is deactivated")
        let again = try await world.sync()
        XCTAssertEqual(again.outcome, .upToDate, "settled once: \(again.plan.operations)")
    }

    func test_createCutOffForSomeoneTheAppNeverMadeCostsOneLookup() async throws {
        let world = try EngineWorld()
        try world.person("bob@corp.example")
        try world.assign(person: "bob@corp.example")
        _ = try await StoreLedger(store: world.store, appID: world.appID).operationStarted(try XCTUnwrap(try world.engine.plan().operations.first))
        XCTAssertTrue(try world.store.directory.removePerson(login: "bob@corp.example"))

        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.settleUncertainUser], 1)
        let requests = try world.requestLog()
        XCTAssertEqual(requests.count, 1, "one lookup: \(requests)")
        let users = try await world.remoteUsers()
        XCTAssertTrue(users.isEmpty)
        let again = try await world.sync()
        XCTAssertEqual(again.outcome, .upToDate)
    }
}
