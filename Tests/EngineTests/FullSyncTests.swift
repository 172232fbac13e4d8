import Provisioning
import SCIM
import Store
import XCTest

/// `sync --full` against a real scim2-server: the app is tampered with directly over SCIM, and the
/// full sync reads it all back, reports each difference and restores what the directory says.
final class FullSyncTests: XCTestCase {
    /// Sales (alice, bob, carol) and Ops (dave) pushed, all four assigned, then synced.
    private func pushedWorld() async throws -> EngineWorld {
        let world = try EngineWorld()
        try world.person("alice@corp.example", first: "Alice", last: "Archer", groups: ["Sales"])
        try world.person("bob@corp.example", first: "Bob", last: "Smith", groups: ["Sales"])
        try world.person("carol@corp.example", first: "Carol", last: "Cruz", groups: ["Sales"])
        try world.person("dave@corp.example", first: "Dave", last: "Diaz", groups: ["Ops"])
        try world.assign(group: "Sales")
        try world.assign(group: "Ops")
        try world.push(group: "Sales")
        try world.push(group: "Ops")
        let first = try await world.sync()
        XCTAssertTrue(first.report.failures.isEmpty, "\(first.report.failures)")
        return world
    }

    private func remoteGroup(_ world: EngineWorld, named name: String) async throws -> SCIMGroup {
        let groups = try await world.remoteGroups()
        return try XCTUnwrap(groups.first { $0.displayName == name }, "no group \(name) in \(groups.map(\.displayName))")
    }

    private func remoteID(_ world: EngineWorld, _ userName: String) async throws -> String {
        let user = try await world.remoteUser(userName)
        return try XCTUnwrap(user?.id, "no user \(userName) in the app")
    }

    /// Every kind of tampering at once: an attribute, active, a stray member, a deleted user,
    /// a deleted group, a renamed group and a duplicate of a pushed name.
    private func tamper(_ world: EngineWorld) async throws {
        let inspector = world.inspector
        var bob = try XCTUnwrapValue(try await world.remoteUser("bob@corp.example"))
        bob.name = SCIMName(attributes: ["givenName": .string("Bob"), "familyName": .string("X")])
        _ = try await inspector.replace(bob)
        try await inspector.setActive(userId: try await remoteID(world, "carol@corp.example"), false)
        let eve = try await inspector.createUser(SCIMUser(userName: "eve@elsewhere.example"))
        let sales = try await remoteGroup(world, named: "Sales")
        let salesID = try XCTUnwrap(sales.id)
        _ = try await inspector.updateGroupMembers(id: salesID, add: [try XCTUnwrap(eve.id)])
        try await inspector.renameGroup(id: salesID, to: "Sales (renamed in the app)")
        try await inspector.delete(SCIMUser.self, id: try await remoteID(world, "alice@corp.example"))
        let ops = try await remoteGroup(world, named: "Ops")
        try await inspector.delete(SCIMGroup.self, id: try XCTUnwrap(ops.id))
        _ = try await inspector.createGroup(SCIMGroup(displayName: "Sales"))
    }

    private static let expectedCorrections: Set<String> = [
        #"bob@corp.example name.familyName "X" → "Smith""#,
        "carol@corp.example active false → true",
        "alice@corp.example deleted in the app → created again",
        "group Ops deleted in the app → created again",
        #"group Sales renamed "Sales (renamed in the app)" in the app → "Sales""#,
        "group Sales: stray member eve@elsewhere.example (no directory person is linked to it) → removed",
    ]

    func test_fullSyncRestoresEveryChangeMadeInTheAppAndReportsEach() async throws {
        let world = try await pushedWorld()
        let alicePushedID = try await remoteID(world, "alice@corp.example")
        try await tamper(world)
        let salesID = try XCTUnwrap(try world.store.provisioning.remoteLinks(appId: world.appID, kind: .group)
            .first { $0.localId == (try? world.store.directory.group(name: "Sales")?.id) ?? nil }?.remoteId)

        let result = try await world.fullSync()
        let summaries = result.corrections.map(\.summary)
        XCTAssertTrue(Self.expectedCorrections.isSubset(of: Set(summaries)), "\(summaries)")
        let duplicate = try XCTUnwrap(result.corrections.first { if case .duplicateGroup = $0.difference { return true }; return false })
        XCTAssertEqual(result.outcome(of: duplicate), .heldBack(.duplicatesKept), "a duplicate is reported, kept without the flag")
        for correction in result.corrections where correction != duplicate {
            XCTAssertEqual(result.outcome(of: correction), .corrected, correction.summary)
        }
        XCTAssertFalse(result.isClean, "a duplicate left in the app is not a clean run")

        let bob = try await world.remoteUser("bob@corp.example")
        XCTAssertEqual(bob?.name?.familyName, "Smith")
        let carol = try await world.remoteUser("carol@corp.example")
        XCTAssertEqual(carol?.active, true)
        let alice = try await remoteID(world, "alice@corp.example")
        XCTAssertNotEqual(alice, alicePushedID, "alice was created again")
        let groups = try await world.remoteGroups()
        let sales = try XCTUnwrap(groups.first { $0.id == salesID })
        XCTAssertEqual(sales.displayName, "Sales")
        let salesMembers = Set(sales.members.compactMap(\.value))
        let expectedSales: Set<String> = [alice, try await remoteID(world, "bob@corp.example"), try await remoteID(world, "carol@corp.example")]
        XCTAssertEqual(salesMembers, expectedSales, "the stray and the deleted alice's old id are gone, the new alice added")
        let ops = try await remoteGroup(world, named: "Ops")
        let daveID = try await remoteID(world, "dave@corp.example")
        XCTAssertEqual(ops.members.compactMap(\.value), [daveID])
        XCTAssertEqual(groups.filter { $0.displayName == "Sales" }.count, 2, "the duplicate stays without --fix-duplicates")

        let fixed = try await world.fullSync(fixDuplicates: true)
        XCTAssertEqual(fixed.corrections.map(\.summary), ["group Sales: duplicate \(try XCTUnwrap(groups.first { $0.displayName == "Sales" && $0.id != salesID }?.id)) → deleted"])
        XCTAssertTrue(fixed.isClean)
        let remaining = try await world.remoteGroups()
        XCTAssertEqual(remaining.filter { $0.displayName == "Sales" }.compactMap(\.id), [salesID], "the linked group is the one kept")

        let sent = try world.requestLog().count
        let plain = try await world.sync()
        XCTAssertTrue(plain.plan.isEmpty, "a plain sync after a full sync has nothing to send: \(plain.plan.operations)")
        XCTAssertEqual(try world.requestLog().count, sent, "and sends no request")
        let again = try await world.fullSync()
        XCTAssertEqual(again.corrections, [], "a second full sync finds no drift")
        XCTAssertTrue(again.plan.isEmpty)
    }

    func test_dryRunSendsOnlyReadsAndListsTheSameCorrections() async throws {
        let world = try await pushedWorld()
        try await tamper(world)
        let before = try world.requestLog().count
        let preview = try await world.fullSync(dryRun: true)
        let requests = try world.requestLog().dropFirst(before)
        XCTAssertFalse(requests.isEmpty)
        XCTAssertTrue(requests.allSatisfy { $0.hasPrefix("GET ") }, "\(Array(requests))")
        XCTAssertTrue(preview.corrections.allSatisfy { preview.outcome(of: $0) != .corrected })
        let previewed = preview.corrections.map(\.summary)
        XCTAssertTrue(Self.expectedCorrections.isSubset(of: Set(previewed)), "\(previewed)")

        let applied = try await world.fullSync()
        XCTAssertEqual(applied.corrections.map(\.summary).sorted(), previewed.sorted(), "the dry run lists what the run corrects")
    }

    func test_fullSyncReadsEveryPageBeyondOneHundred() async throws {
        let world = try EngineWorld()
        for index in 1...130 { try world.person("p\(index)@corp.example", last: "Lee") }
        for index in 1...130 { try world.assign(person: "p\(index)@corp.example") }
        try await world.sync(concurrency: 8)
        var last = try XCTUnwrapValue(try await world.remoteUser("p130@corp.example"))
        last.name = SCIMName(attributes: ["givenName": .string("Zoë"), "familyName": .string("Changed")])
        _ = try await world.inspector.replace(last)

        let before = try world.requestLog().count
        let result = try await world.fullSync(pageSize: 50)
        XCTAssertEqual(result.usersRead, 130)
        XCTAssertEqual(result.corrections.map(\.summary), [#"p130@corp.example name.familyName "Changed" → "Lee""#])
        let requests = Array(try world.requestLog().dropFirst(before))
        XCTAssertEqual(requests.filter { $0.hasPrefix("GET /v2/Users?") }.count, 3, "130 users in pages of 50: \(requests)")
        XCTAssertEqual(requests.filter { !$0.hasPrefix("GET /v2/Users?") && !$0.hasPrefix("GET /v2/Groups?") },
                       ["GET /v2/Users/\(try XCTUnwrap(last.id))", "PUT /v2/Users/\(try XCTUnwrap(last.id))"],
                       "only the drifted user costs a request beyond the reads")
    }

    func test_userDeletedInTheAppIsRelinkedWhenItsUserNameExistsUnderAnotherID() async throws {
        let world = try await pushedWorld()
        let old = try await remoteID(world, "bob@corp.example")
        try await world.inspector.delete(SCIMUser.self, id: old)
        let recreated = try await world.inspector.createUser(SCIMUser(userName: "BOB@corp.example"))
        let before = try world.requestLog().count

        let result = try await world.fullSync()
        XCTAssertTrue(result.corrections.map(\.summary).contains("bob@corp.example deleted in the app → relinked to the app's user \(try XCTUnwrap(recreated.id))"),
                      "\(result.corrections.map(\.summary))")
        XCTAssertFalse(try world.requestLog().dropFirst(before).contains("POST /v2/Users"), "relinked, never a second user")
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.filter { $0.userName?.lowercased() == "bob@corp.example" }.count, 1)
        let link = try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: try XCTUnwrap(try world.store.directory.person(login: "bob@corp.example")?.id))
        XCTAssertEqual(link?.remoteId, recreated.id)
        let sales = try await remoteGroup(world, named: "Sales")
        XCTAssertTrue(sales.members.compactMap(\.value).contains(try XCTUnwrap(recreated.id)))
        XCTAssertFalse(sales.members.compactMap(\.value).contains(old), "the dangling member is removed")
    }

    func test_pushedGroupDeletedInTheAppIsRelinkedToTheOneOfItsName() async throws {
        let world = try await pushedWorld()
        let ops = try await remoteGroup(world, named: "Ops")
        try await world.inspector.delete(SCIMGroup.self, id: try XCTUnwrap(ops.id))
        let eve = try await world.inspector.createUser(SCIMUser(userName: "eve@elsewhere.example"))
        let other = try await world.inspector.createGroup(SCIMGroup(displayName: "Ops", members: [SCIMMember(value: try XCTUnwrap(eve.id))]))

        let result = try await world.fullSync()
        XCTAssertEqual(result.corrections.map(\.summary), [
            "group Ops deleted in the app → relinked to the app's group \(try XCTUnwrap(other.id))",
            "group Ops: stray member eve@elsewhere.example (no directory person is linked to it) → removed",
        ])
        XCTAssertTrue(result.isClean)
        let groups = try await world.remoteGroups()
        XCTAssertEqual(groups.filter { $0.displayName == "Ops" }.compactMap(\.id), [try XCTUnwrap(other.id)])
        let daveID = try await remoteID(world, "dave@corp.example")
        XCTAssertEqual(groups.first { $0.id == other.id }?.members.compactMap(\.value), [daveID])
    }

    func test_userLeavingScopeWhileActiveInTheAppIsDeactivated() async throws {
        let world = try await pushedWorld()
        // Dave leaves scope and is deactivated; then someone reactivates him in the app.
        _ = try world.store.directory.removeMember(login: "dave@corp.example", group: "Ops")
        try await world.sync()
        let dave = try await remoteID(world, "dave@corp.example")
        let deactivated = try await world.remoteUser("dave@corp.example")
        XCTAssertEqual(deactivated?.active, false)
        try await world.inspector.setActive(userId: dave, true)

        let result = try await world.fullSync()
        XCTAssertEqual(result.corrections.map(\.summary), ["dave@corp.example active true → false (out of scope)"])
        let after = try await world.remoteUser("dave@corp.example")
        XCTAssertEqual(after?.active, false)
    }

    func test_plainSyncOfUnchangedPeopleSendsNoRequest() async throws {
        let world = try await pushedWorld()
        let sent = try world.requestLog().count
        let result = try await world.sync()
        XCTAssertTrue(result.plan.isEmpty)
        XCTAssertEqual(try world.requestLog().count, sent)
    }

    func test_pushNowRemovesMembersTheAppHasAndTheDirectoryDoesNot() async throws {
        let world = try await pushedWorld()
        let sales = try await remoteGroup(world, named: "Sales")
        let salesID = try XCTUnwrap(sales.id)
        let eve = try await world.inspector.createUser(SCIMUser(userName: "eve@elsewhere.example"))
        let dave = try await remoteID(world, "dave@corp.example")
        _ = try await world.inspector.updateGroupMembers(id: salesID, add: [try XCTUnwrap(eve.id), dave])

        let plain = try await world.sync()
        XCTAssertTrue(plain.plan.isEmpty, "without Push Now a plain sync trusts what it sent")
        try AppGroupPush(store: world.store, appID: world.appID).pushNow(groupID: try XCTUnwrap(try world.store.directory.group(name: "Sales")?.id))
        let pushed = try await world.sync()
        XCTAssertTrue(pushed.report.failures.isEmpty, "\(pushed.report.failures)")
        XCTAssertTrue(try world.requestLog().contains("GET /v2/Groups/\(salesID)"), "Push Now reads the group first")
        let after = try await remoteGroup(world, named: "Sales")
        let expected: Set<String> = [try await remoteID(world, "alice@corp.example"), try await remoteID(world, "bob@corp.example"),
                                     try await remoteID(world, "carol@corp.example")]
        XCTAssertEqual(Set(after.members.compactMap(\.value)), expected, "eve (unlinked) and dave (not a Sales member) are removed")
        XCTAssertEqual(try world.pushLink(group: "Sales").status, .active)
    }

    func test_reconcileReportsTheSameDriftTheFullSyncCorrects() async throws {
        let world = try await pushedWorld()
        try await tamper(world)
        let engine = try world.engine
        let before = try world.requestLog().count
        let report = try await engine.reconcile(client: try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry), dryRun: true)
        XCTAssertTrue(try world.requestLog().dropFirst(before).allSatisfy { $0.hasPrefix("GET ") })
        XCTAssertTrue(report.drift.contains { if case .duplicateGroup = $0.difference { return true }; return false }, "duplicates reported")
        XCTAssertTrue(report.drift.contains { if case .strayMember(nil, _, _) = $0.difference { return true }; return false }, "dangling members reported")

        let result = try await world.fullSync()
        XCTAssertEqual(report.drift.map(\.summary).sorted(), result.corrections.map(\.summary).sorted())
    }
}
