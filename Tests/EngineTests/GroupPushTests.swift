import Provisioning
import SCIM
import Store
import XCTest

/// Push Groups against a real scim2-server: create, members in batches, rename, unlink, rules.
final class GroupPushTests: XCTestCase {
    func test_pushedGroupIsCreatedWithItsInScopeMembersInBatches() async throws {
        let world = try EngineWorld()
        for index in 1...10 { try world.person("p\(index)@corp.example", groups: ["Engineering"]) }
        try world.person("outsider@corp.example", groups: ["Engineering"])
        try world.assign(group: "Engineering")
        // The outsider is a member but deactivated: not in scope, so not a pushed member.
        var outsider = try XCTUnwrap(try world.store.directory.person(login: "outsider@corp.example"))
        outsider.status = .deactivated
        try world.store.directory.updatePerson(outsider)
        try world.push(group: "Engineering")

        let result = try await world.sync(memberBatchSize: 3)
        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        let groups = try await world.remoteGroups()
        XCTAssertEqual(groups.map(\.displayName), ["Engineering"])
        let group = try XCTUnwrap(groups.first)
        let users = try await world.remoteUsers()
        XCTAssertEqual(Set(group.members.map(\.value)), Set(users.compactMap(\.id)))
        XCTAssertEqual(group.members.count, 10)
        let patches = try world.requestLog().filter { $0.hasPrefix("PATCH /v2/Groups/") }
        XCTAssertEqual(patches.count, 4, "10 members in batches of 3")
        XCTAssertEqual(try world.pushLink(group: "Engineering").status, .active)
    }

    func test_renamedGroupIsPatchedAndRemovedMembersAreRemoved() async throws {
        let world = try EngineWorld()
        try world.person("a@corp.example", groups: ["Sales"])
        try world.person("b@corp.example", groups: ["Sales"])
        try world.assign(group: "Sales")
        try world.push(group: "Sales")
        try await world.sync()

        var sales = try XCTUnwrap(try world.store.directory.group(name: "Sales"))
        sales.name = "Sales EMEA"
        try world.store.directory.updateGroup(sales)
        _ = try world.store.directory.removeMember(login: "b@corp.example", group: "Sales EMEA")
        try world.assign(person: "b@corp.example")  // stays in scope, leaves the group
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.renameGroup], 1)
        XCTAssertEqual(result.report.succeeded[.removeMembers], 1)
        let groupFound = try await world.remoteGroups().first
        let group = try XCTUnwrap(groupFound)
        XCTAssertEqual(group.displayName, "Sales EMEA")
        let a = try await world.remoteUser("a@corp.example")
        XCTAssertEqual(group.members.map(\.value), [a?.id].compactMap { $0 })
    }

    func test_unlinkWithDeleteRemovesTheGroupAndWithoutLeavesIt() async throws {
        let world = try EngineWorld()
        try world.person("a@corp.example", groups: ["Keep", "Drop"])
        try world.assign(person: "a@corp.example")
        try world.push(group: "Keep")
        try world.push(group: "Drop")
        try await world.sync()
        let pushed = try await world.remoteGroups()
        XCTAssertEqual(Set(pushed.compactMap(\.displayName)), ["Keep", "Drop"])

        var keep = try world.pushLink(group: "Keep")
        keep.unlinkAction = .keep
        try world.store.records(PushGroupLink.self).update(keep)
        var drop = try world.pushLink(group: "Drop")
        drop.unlinkAction = .delete
        try world.store.records(PushGroupLink.self).update(drop)
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.forgetGroup], 1)
        XCTAssertEqual(result.report.succeeded[.deleteGroup], 1)
        let remaining = try await world.remoteGroups()
        XCTAssertEqual(remaining.compactMap(\.displayName), ["Keep"])
        XCTAssertTrue(try world.store.records(PushGroupLink.self).all(appId: world.appID).isEmpty)
        XCTAssertTrue(try world.store.provisioning.remoteLinks(appId: world.appID, kind: .group).isEmpty)
    }

    func test_ruleMatchesAGroupAddedAfterTheFirstSync() async throws {
        let world = try EngineWorld()
        try world.person("a@corp.example", groups: ["Sales Americas"])
        try world.person("b@corp.example", groups: ["Finance"])
        try world.assign(person: "a@corp.example")
        try world.assign(person: "b@corp.example")
        try world.store.records(Store.PushGroupRule.self).insert(Store.PushGroupRule(appId: world.appID, name: "Sales groups", nameOperator: .startsWith, nameValue: "sales"))
        try await world.sync()
        let first = try await world.remoteGroups()
        XCTAssertEqual(first.compactMap(\.displayName), ["Sales Americas"])

        try world.store.directory.addGroup(DirectoryGroup(name: "Sales EMEA"))
        _ = try world.store.directory.addMember(login: "b@corp.example", group: "Sales EMEA")
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.createGroup], 1)
        let second = try await world.remoteGroups()
        XCTAssertEqual(Set(second.compactMap(\.displayName)), ["Sales Americas", "Sales EMEA"])
        let emea = try XCTUnwrap(second.first { $0.displayName == "Sales EMEA" })
        let b = try await world.remoteUser("b@corp.example")
        XCTAssertEqual(emea.members.map(\.value), [b?.id].compactMap { $0 })
    }

    func test_groupTheAppAlreadyHoldsByNameIsLinkedNotDuplicated() async throws {
        let world = try EngineWorld()
        _ = try await world.inspector.createGroup(SCIMGroup(displayName: "Engineering"))
        try world.person("a@corp.example", groups: ["Engineering"])
        try world.assign(group: "Engineering")
        try world.push(group: "Engineering")
        try await world.sync()
        let groups = try await world.remoteGroups()
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups.first?.members.count, 1)
    }
}
