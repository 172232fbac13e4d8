import Provisioning
import XCTest

final class PlanExecutorTests: XCTestCase {
    private typealias Person = ProvisioningSnapshot.Person

    private func people(_ count: Int) -> [Person] {
        (1...count).map { index in
            let email = "person\(index)@corp.com"
            return Person(id: Int64(index), login: email, status: .active, profile: ["login": email, "email": email, "firstName": "José\(index)", "lastName": "Zoë"])
        }
    }

    /// Plans from the ledger's current links, as `scimdeck sync` plans from the store.
    private func planFromLedger(_ people: [Person], groups: [ProvisioningSnapshot.Group] = [], assigned: Set<Int64>, ledger: MemoryLedger) async throws -> Plan {
        let snapshot = ProvisioningSnapshot(
            settings: .allOn, mappings: Catalog.axiadCloud.defaultMappings, people: people, groups: groups,
            assignedPersonIDs: assigned, userLinks: await ledger.userLinks,
            groupPushes: Array(await ledger.groupPushes.values).sorted { $0.groupID < $1.groupID }
        )
        return try Planner(memberBatchSize: 3).plan(snapshot)
    }

    func test_provisionedPeopleAreCreatedAndLinkedWithTheirPayloadHash() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        let directory = people(3)
        let plan = try await planFromLedger(directory, assigned: [1, 2, 3], ledger: ledger)
        let report = await PlanExecutor(target: app, ledger: ledger).apply(plan)

        XCTAssertEqual(report.succeeded[.provisionUser], 3)
        XCTAssertTrue(report.failures.isEmpty)
        let links = await ledger.userLinks
        XCTAssertEqual(links.count, 3)
        let value101 = await app.userNamed("person2@corp.com")
        let user = try XCTUnwrap(value101)
        XCTAssertEqual(links[2]?.remoteID, user.id)
        XCTAssertEqual(user.profile["name.givenName"], "José2")
        let expectedHash = try ProfileMapper(mappings: Catalog.axiadCloud.defaultMappings).map(directory[1].profile).payloadHash
        XCTAssertEqual(links[2]?.payloadHash, expectedHash)
        let value1 = await ledger.states()
        XCTAssertEqual(value1, ["done", "done", "done"])

        let again = try await planFromLedger(directory, assigned: [1, 2, 3], ledger: ledger)
        XCTAssertTrue(again.isEmpty, "an unchanged directory sends nothing on the next run")
    }

    func test_createWhoseAnswerWasLostIsLinkedNotDuplicatedOnTheNextRun() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        await app.configure { $0.loseCreateAnswerFor = ["person1@corp.com"] }
        let directory = people(2)
        let first = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger(directory, assigned: [1, 2], ledger: ledger))
        XCTAssertEqual(first.failures.count, 1)
        XCTAssertEqual(first.failures.first?.reason, "connection cut before the answer")
        let value2 = await ledger.userLinks[1]
        XCTAssertNil(value2)

        await app.configure { $0.loseCreateAnswerFor = [] }
        let second = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger(directory, assigned: [1, 2], ledger: ledger))
        XCTAssertTrue(second.failures.isEmpty)
        let users = await app.users
        XCTAssertEqual(users.count, 2, "the lost create is found by the lookup, not sent again")
        let value3 = await ledger.userLinks[1]?.remoteID
        let value4 = await app.userNamed("person1@corp.com")?.id
        XCTAssertEqual(value3, value4)
    }

    func test_conflictOnCreateLooksTheUserUpAndLinksIt() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        let directory = people(1)
        let plan = try await planFromLedger(directory, assigned: [1], ledger: ledger)
        // Someone else creates the user (with other case) between our lookup and our POST.
        let racer = try await app.createUser(MappedProfile(values: [("userName", "PERSON1@corp.com")]))
        let report = await PlanExecutor(target: app, ledger: ledger).apply(plan)
        XCTAssertTrue(report.failures.isEmpty)
        let value5 = await ledger.userLinks[1]?.remoteID
        XCTAssertEqual(value5, racer)
        let value6 = await app.users.count
        XCTAssertEqual(value6, 1)
    }

    func test_pushedGroupGetsMembersCreatedEarlierInTheSameRunAndSkipsFailedOnes() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        await app.configure { $0.failCreateFor = ["person4@corp.com"] }
        let directory = people(5)
        let group = ProvisioningSnapshot.Group(id: 50, name: "Engineering", memberIDs: [1, 2, 3, 4, 5])
        await ledger.push(groupID: 50)
        let report = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger(directory, groups: [group], assigned: [1, 2, 3, 4, 5], ledger: ledger))

        XCTAssertEqual(report.failures.map(\.reason), ["the app refused person4@corp.com"])
        let value102 = await ledger.groupPushes[50]?.remoteID
        let remoteGroupID = try XCTUnwrap(value102)
        let value103 = await app.groups[remoteGroupID]?.members
        let members = try XCTUnwrap(value103)
        let links = await ledger.userLinks
        XCTAssertEqual(Set(members), Set([1, 2, 3, 5].compactMap { links[Int64($0)]?.remoteID }))
        let value7 = await ledger.groupPushes[50]?.pushedMemberIDs
        XCTAssertEqual(value7, [1, 2, 3, 5])

        await app.configure { $0.failCreateFor = [] }
        let retry = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger(directory, groups: [group], assigned: [1, 2, 3, 4, 5], ledger: ledger))
        XCTAssertTrue(retry.failures.isEmpty)
        XCTAssertEqual(retry.succeeded[.provisionUser], 1)
        XCTAssertEqual(retry.succeeded[.addMembers], 1)
        let value8 = await app.groups[remoteGroupID]?.members.count
        XCTAssertEqual(value8, 5)
        let value9 = await app.groups.count
        XCTAssertEqual(value9, 1)
    }

    func test_requestsRunSideBySideButOneGroupsMembershipChangesNeverOverlap() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        await app.configure { $0.latency = .milliseconds(5) }
        let directory = people(24)
        let groups = (0..<3).map { ProvisioningSnapshot.Group(id: Int64(100 + $0), name: "G\($0)", memberIDs: directory.map(\.id)) }
        for group in groups { await ledger.push(groupID: group.id) }
        let plan = try await planFromLedger(directory, groups: groups, assigned: Set(directory.map(\.id)), ledger: ledger)
        XCTAssertEqual(plan.counts.first { $0.kind == .addMembers }?.count, 24, "batches of 3 over 24 members, 3 groups")

        let report = await PlanExecutor(target: app, ledger: ledger, concurrency: 4).apply(plan)
        XCTAssertTrue(report.failures.isEmpty)
        let maxInFlight = await app.maxInFlight
        XCTAssertGreaterThan(maxInFlight, 1)
        XCTAssertLessThanOrEqual(maxInFlight, 4)
        let value10 = await app.overlappingMemberChanges
        XCTAssertEqual(value10, 0)
        for group in groups {
            let value104 = await ledger.groupPushes[group.id]?.remoteID
            let remoteID = try XCTUnwrap(value104)
            let value11 = await app.groups[remoteID]?.members.count
            XCTAssertEqual(value11, 24)
        }
    }

    func test_progressCountsEveryOperationAndFailures() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        await app.configure { $0.failCreateFor = ["person2@corp.com"] }
        let updates = ProgressRecorder()
        let plan = try await planFromLedger(people(4), assigned: [1, 2, 3, 4], ledger: ledger)
        _ = await PlanExecutor(target: app, ledger: ledger, concurrency: 2).apply(plan) { updates.append($0) }
        let last = try XCTUnwrap(updates.all.last)
        XCTAssertEqual(last.total, 4)
        XCTAssertEqual(last.done, 4)
        XCTAssertEqual(last.failed, 1)
        XCTAssertEqual(updates.all.map(\.done), [0, 1, 2, 3, 4])
    }

    func test_unlinkWithDeleteRemovesTheGroupAndWithoutKeepsIt() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        let groups = [ProvisioningSnapshot.Group(id: 1, name: "Keep", memberIDs: []), ProvisioningSnapshot.Group(id: 2, name: "Drop", memberIDs: [])]
        await ledger.push(groupID: 1)
        await ledger.push(groupID: 2)
        _ = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger([], groups: groups, assigned: [], ledger: ledger))
        let value12 = await app.groups.count
        XCTAssertEqual(value12, 2)

        await ledger.requestUnlink(groupID: 1, delete: false)
        await ledger.requestUnlink(groupID: 2, delete: true)
        let report = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger([], groups: groups, assigned: [], ledger: ledger))
        XCTAssertEqual(report.succeeded[.forgetGroup], 1)
        XCTAssertEqual(report.succeeded[.deleteGroup], 1)
        let value13 = await app.groups.values.map(\.displayName)
        XCTAssertEqual(value13, ["Keep"])
        let value14 = await ledger.groupPushes.isEmpty
        XCTAssertTrue(value14)
    }

    func test_deactivationOfAUserGoneFromTheAppForgetsTheLink() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        let directory = people(1)
        _ = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger(directory, assigned: [1], ledger: ledger))
        let value105 = await ledger.userLinks[1]?.remoteID
        let remoteID = try XCTUnwrap(value105)
        // Unassign: deactivated.
        let report = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger(directory, assigned: [], ledger: ledger))
        XCTAssertEqual(report.succeeded[.deactivateUser], 1)
        let value15 = await app.users[remoteID]?.active
        XCTAssertEqual(value15, false)
        let value16 = await ledger.userLinks[1]?.isActive
        XCTAssertEqual(value16, false)
        // Reassign: reactivated with the profile.
        let back = await PlanExecutor(target: app, ledger: ledger).apply(try await planFromLedger(directory, assigned: [1], ledger: ledger))
        XCTAssertEqual(back.succeeded[.reactivateUser], 1)
        let value17 = await app.users[remoteID]?.active
        XCTAssertEqual(value17, true)
    }

    func test_phasesPutUsersBeforeGroupsBeforeMembershipsAndChainEachGroupsMemberships() {
        let operations: [PlannedOperation] = [
            .addMembers(groupID: 1, personIDs: [1]), .createGroup(groupID: 1, name: "A", members: [1]), .provisionUser(personID: 1, profile: MappedProfile(values: [])),
            .removeMembers(groupID: 1, personIDs: [2]), .addMembers(groupID: 2, personIDs: [1]), .forgetGroup(groupID: 3),
        ]
        let phases = PlanExecutor.phases(of: operations)
        XCTAssertEqual(phases.map { $0.map { $0.map(\.kind) } }, [
            [[.provisionUser]], [[.createGroup]], [[.addMembers, .removeMembers], [.addMembers]], [[.forgetGroup]],
        ])
    }
}

/// Collects progress updates from the executor's tasks.
final class ProgressRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var updates: [ApplyProgress] = []
    func append(_ update: ApplyProgress) { lock.withLock { updates.append(update) } }
    var all: [ApplyProgress] { lock.withLock { updates } }
}
