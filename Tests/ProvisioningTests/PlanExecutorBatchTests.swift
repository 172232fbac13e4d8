import Provisioning
import XCTest

/// The executor with a target that sends user changes in batches, as the rfc7644 profile does over `/Bulk`.
final class PlanExecutorBatchTests: XCTestCase {
    private typealias Person = ProvisioningSnapshot.Person

    private func people(_ count: Int, lastName: String) -> [Person] {
        (1...count).map { index in
            let email = "person\(index)@corp.com"
            return Person(id: Int64(index), login: email, status: .active, profile: ["login": email, "email": email, "firstName": "José\(index)", "lastName": lastName])
        }
    }

    private func plan(_ people: [Person], assigned: Set<Int64>, ledger: MemoryLedger) async throws -> Plan {
        let snapshot = ProvisioningSnapshot(settings: .allOn, mappings: Catalog.axiadCloud.defaultMappings, people: people, groups: [],
                                            assignedPersonIDs: assigned, userLinks: await ledger.userLinks, groupPushes: [])
        return try Planner().plan(snapshot)
    }

    func test_userChangesGoInBatchesJournaledBeforeAndOneByOneAfter() async throws {
        let app = FakeApp(), ledger = MemoryLedger()
        _ = await PlanExecutor(target: app, ledger: ledger).apply(try await plan(people(5, lastName: "Before"), assigned: [1, 2, 3, 4, 5], ledger: ledger))
        let links = await ledger.userLinks
        let gone = try XCTUnwrap(links[2]?.remoteID)
        await app.configure { $0.remove(userID: gone) }
        let target = BatchingTarget(app: app, ledger: ledger, batchSize: 2)

        // Four updates and one deactivation: ceil(5 / 2) batches.
        let changes = try await plan(people(5, lastName: "After"), assigned: [1, 2, 3, 4], ledger: ledger)
        let report = await PlanExecutor(target: target, ledger: ledger).apply(changes)

        XCTAssertEqual(target.batches.map(\.count).sorted(), [1, 2, 2])
        XCTAssertTrue(target.unjournaledAtSend.isEmpty, "sent before being journaled: \(target.unjournaledAtSend)")
        XCTAssertEqual(report.succeeded[.updateUser], 3)
        XCTAssertEqual(report.succeeded[.deactivateUser], 1)
        XCTAssertEqual(report.failures.map(\.operation.kind), [.updateUser])
        let linksAfter = await ledger.userLinks
        XCTAssertNil(linksAfter[2], "a user found gone loses its link, to be provisioned again")
        let states = await ledger.states()
        XCTAssertEqual(states.filter { $0 == "failed" }.count, 1)
        XCTAssertFalse(states.contains("sent"))
    }
}

/// Wraps the fake app: user changes arrive in batches, each checked against the journal at send time.
final class BatchingTarget: ProvisioningTarget, @unchecked Sendable {
    let app: FakeApp
    let ledger: MemoryLedger
    let batchSize: Int
    private let lock = NSLock()
    private var sentBatches: [[UserChange]] = []
    private var unjournaled: [String] = []

    init(app: FakeApp, ledger: MemoryLedger, batchSize: Int) {
        self.app = app
        self.ledger = ledger
        self.batchSize = batchSize
    }

    var batches: [[UserChange]] { lock.withLock { sentBatches } }
    var unjournaledAtSend: [String] { lock.withLock { unjournaled } }

    var userChangeBatchSize: Int? { batchSize }

    func applyUserChanges(_ changes: [UserChange]) async -> [(any Error)?] {
        let journaled = Set(await ledger.entries.values.filter { $0.state == "sent" }.compactMap(\.operation.remoteUserID))
        lock.withLock {
            sentBatches.append(changes)
            unjournaled += changes.map(\.remoteID).filter { !journaled.contains($0) }
        }
        return await applyUserChangesOneByOne(changes)
    }

    func findUser(userName: String) async throws -> RemoteUser? { try await app.findUser(userName: userName) }
    func createUser(_ profile: MappedProfile) async throws -> String { try await app.createUser(profile) }
    func updateUser(id: String, profile: MappedProfile, active: Bool) async throws { try await app.updateUser(id: id, profile: profile, active: active) }
    func setUserActive(id: String, _ active: Bool) async throws { try await app.setUserActive(id: id, active) }
    func findGroups(displayName: String) async throws -> [String] { try await app.findGroups(displayName: displayName) }
    func groupMembers(id: String) async throws -> [String] { try await app.groupMembers(id: id) }
    func createGroup(displayName: String) async throws -> String { try await app.createGroup(displayName: displayName) }
    func renameGroup(id: String, to displayName: String) async throws { try await app.renameGroup(id: id, to: displayName) }
    func changeMembers(groupID: String, add: [String], remove: [String]) async throws { try await app.changeMembers(groupID: groupID, add: add, remove: remove) }
    func deleteGroup(id: String) async throws { try await app.deleteGroup(id: id) }
}

private extension PlannedOperation {
    var remoteUserID: String? {
        switch self {
        case .updateUser(_, let remoteID, _), .deactivateUser(_, let remoteID), .reactivateUser(_, let remoteID, _): return remoteID
        default: return nil
        }
    }
}
