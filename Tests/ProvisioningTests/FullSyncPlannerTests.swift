import Provisioning
import SCIM
import XCTest

/// The full sync's drift computation on its own: what the app holds folded into the plan, and
/// what is held back, and why.
final class FullSyncPlannerTests: XCTestCase {
    private let bob = ProvisioningSnapshot.Person(id: 1, login: "bob@corp.com", status: .active,
                                                  profile: ["login": "bob@corp.com", "email": "bob@corp.com", "firstName": "Bob", "lastName": "Smith"])

    private func snapshot(toggles: ProvisioningToggles = .allOn, pushes: [ProvisioningSnapshot.GroupPush] = []) throws -> ProvisioningSnapshot {
        let hash = try ProfileMapper(mappings: Catalog.axiadCloud.defaultMappings).map(bob.profile).payloadHash
        return ProvisioningSnapshot(
            settings: toggles, mappings: Catalog.axiadCloud.defaultMappings, people: [bob],
            groups: [.init(id: 10, name: "Sales", memberIDs: [1])], assignedPersonIDs: [1],
            userLinks: [1: .init(remoteID: "u1", payloadHash: hash, isActive: true)], groupPushes: pushes
        )
    }

    /// Bob as the app holds him after a sync, with changes on top.
    private func remoteBob(familyName: String = "Smith", active: Bool = true) -> SCIMUser {
        var user = ProfileEncoder.newUser(try! ProfileMapper(mappings: Catalog.axiadCloud.defaultMappings).map(bob.profile), active: active)
        user.id = "u1"
        user.name = SCIMName(attributes: ["givenName": .string("Bob"), "familyName": .string(familyName)])
        return user
    }

    private func group(_ id: String, _ name: String, members: [String]) -> SCIMGroup {
        var group = SCIMGroup(displayName: name, members: members.map { SCIMMember(value: $0) })
        group.id = id
        return group
    }

    func test_appThatHoldsWhatWasSentNeedsNoCorrectionAndNoRequest() throws {
        let pushes = [ProvisioningSnapshot.GroupPush(groupID: 10, remoteID: "g1", pushedName: "Sales", pushedMemberIDs: [1])]
        let result = try FullSyncPlanner().plan(try snapshot(pushes: pushes),
                                                reading: AppReading(extent: .everything, users: [remoteBob()], groups: [group("g1", "Sales", members: ["u1"])]))
        XCTAssertEqual(result.corrections, [])
        XCTAssertEqual(result.plan.operations, [])
        XCTAssertEqual(result.observations, [])
    }

    func test_attributeDriftIsHeldBackWhenUpdateUserAttributesIsOff() throws {
        let toggles = ProvisioningToggles(createUsers: true, updateUserAttributes: false, deactivateUsers: true)
        let result = try FullSyncPlanner().plan(try snapshot(toggles: toggles), reading: AppReading(extent: .everything, users: [remoteBob(familyName: "X")], groups: []))
        XCTAssertEqual(result.corrections.map(\.summary), [#"bob@corp.com name.familyName "X" → "Smith""#])
        XCTAssertEqual(result.corrections.map(\.handling), [.heldBack(.updateUserAttributesOff)])
        XCTAssertEqual(result.plan.operations, [])
    }

    func test_inactiveInTheAppIsReactivatedOnlyWithDeactivateUsersOn() throws {
        let on = try FullSyncPlanner().plan(try snapshot(), reading: AppReading(extent: .everything, users: [remoteBob(active: false)], groups: []))
        XCTAssertEqual(on.plan.operations.map(\.kind), [.reactivateUser])
        XCTAssertEqual(on.corrections.map(\.handling), [.planned])
        XCTAssertEqual(on.observations, [.userDeactivated(personID: 1)], "the store learns what the app holds")

        let toggles = ProvisioningToggles(createUsers: true, updateUserAttributes: true, deactivateUsers: false)
        let off = try FullSyncPlanner().plan(try snapshot(toggles: toggles), reading: AppReading(extent: .everything, users: [remoteBob(active: false)], groups: []))
        XCTAssertEqual(off.corrections.map(\.handling), [.heldBack(.deactivateUsersOff)])
    }

    func test_groupReadAloneForPushNowRemovesStraysAndLeavesUsersAlone() throws {
        let pushes = [ProvisioningSnapshot.GroupPush(groupID: 10, remoteID: "g1", pushedName: "Sales", pushedMemberIDs: [1], pushNowRequested: true)]
        let result = try FullSyncPlanner(memberBatchSize: 1).plan(try snapshot(pushes: pushes),
                                                                  reading: AppReading(extent: .groups(["g1"]), groups: [group("g1", "Sales", members: ["u1", "x", "y"])]))
        XCTAssertEqual(result.plan.operations, [.addMembers(groupID: 10, personIDs: [1]),
                                                .removeRemoteMembers(groupID: 10, remoteIDs: ["x"]), .removeRemoteMembers(groupID: 10, remoteIDs: ["y"])])
        XCTAssertFalse(result.corrections.contains { if case .user = $0.subject { return true }; return false }, "users were not read")
    }

    func test_tombstoneActiveInTheAppIsReportedAndItsStateRecorded() throws {
        var removed = try snapshot()
        removed.userLinks[2] = .init(remoteID: "u2", payloadHash: nil, isActive: false)
        var leaver = SCIMUser(userName: "left@corp.com", active: true)
        leaver.id = "u2"
        let result = try FullSyncPlanner().plan(removed, reading: AppReading(extent: .everything, users: [remoteBob(), leaver], groups: []))
        XCTAssertEqual(result.corrections.map(\.summary), ["left@corp.com active true → false (out of scope)"])
        XCTAssertEqual(result.observations, [.userLinked(personID: 2, remoteID: "u2", payloadHash: nil, active: true)])
    }

    func test_duplicateOfAPushedNameIsDeletedOnlyWithFixDuplicates() throws {
        let pushes = [ProvisioningSnapshot.GroupPush(groupID: 10, remoteID: "g1", pushedName: "Sales", pushedMemberIDs: [1])]
        let reading = AppReading(extent: .everything, users: [remoteBob()], groups: [group("g1", "Sales", members: ["u1"]), group("g2", "Sales", members: [])])
        let reported = try FullSyncPlanner().plan(try snapshot(pushes: pushes), reading: reading)
        XCTAssertEqual(reported.plan.operations, [])
        XCTAssertEqual(reported.corrections.map(\.handling), [.heldBack(.duplicatesKept)])
        let fixed = try FullSyncPlanner(fixDuplicates: true).plan(try snapshot(pushes: pushes), reading: reading)
        XCTAssertEqual(fixed.plan.operations, [.deleteDuplicateGroup(groupID: 10, remoteID: "g2")])
    }
}
