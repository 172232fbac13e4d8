import Provisioning
import SCIM
import Store
import XCTest

/// A pushed group linked to one the app already holds (its own, or one unlinked earlier and kept)
/// ends holding exactly what the directory gives it, in the same run.
final class GroupAdoptionTests: XCTestCase {
    func test_groupUnlinkedKeptThenPushedAgainLosesTheMembersWhoLeftMeanwhile() async throws {
        let world = try EngineWorld()
        try world.person("ann@corp.example", groups: ["Sales"])
        try world.person("bob@corp.example", groups: ["Sales"])
        try world.assign(group: "Sales")
        try world.push(group: "Sales")
        try await world.sync()

        let salesID = try XCTUnwrap(try world.store.directory.group(name: "Sales")?.id)
        try AppGroupPush(store: world.store, appID: world.appID).unlink(groupID: salesID, deleteInTarget: false)
        try await world.sync()
        _ = try world.store.directory.removeMember(login: "bob@corp.example", group: "Sales")
        _ = try AppGroupPush(store: world.store, appID: world.appID).push(groupNamed: "Sales")
        let result = try await world.sync()
        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")

        let groups = try await world.remoteGroups()
        XCTAssertEqual(groups.count, 1, "the kept group is linked, not made twice")
        let users = try await world.remoteUsers()
        let ann = try XCTUnwrap(users.first { $0.userName == "ann@corp.example" }?.id)
        XCTAssertEqual(groups.first?.members.compactMap(\.value), [ann], "Bob left Sales while it was unlinked: he is out of it")
        let again = try await world.sync()
        XCTAssertEqual(again.outcome, .upToDate, "\(again.plan.operations)")
    }
}
