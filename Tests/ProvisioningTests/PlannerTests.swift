import Provisioning
import XCTest

final class PlannerTests: XCTestCase {
    private typealias Person = ProvisioningSnapshot.Person
    private typealias Group = ProvisioningSnapshot.Group

    private func person(_ id: Int64, _ email: String, status: Person.Status = .active, first: String = "Zoë") -> Person {
        Person(id: id, login: email, status: status, profile: ["login": email, "email": email, "firstName": first, "lastName": "Ødegaard"])
    }

    private func snapshot(
        people: [Person], groups: [Group] = [], direct: Set<Int64> = [], viaGroups: Set<Int64> = [],
        links: [Int64: ProvisioningSnapshot.UserLink] = [:], pushes: [ProvisioningSnapshot.GroupPush] = [],
        rules: [PushGroupRule] = [], toggles: ProvisioningToggles = .allOn
    ) -> ProvisioningSnapshot {
        ProvisioningSnapshot(
            settings: toggles, mappings: Catalog.axiadCloud.defaultMappings, people: people, groups: groups,
            assignedPersonIDs: direct, assignedGroupIDs: viaGroups, userLinks: links, groupPushes: pushes, pushRules: rules
        )
    }

    private func hash(_ p: Person) throws -> String {
        try ProfileMapper(mappings: Catalog.axiadCloud.defaultMappings).map(p.profile).payloadHash
    }

    func test_directlyAssignedUnlinkedPersonIsProvisioned() throws {
        let plan = try Planner().plan(snapshot(people: [person(1, "zoe@corp.com"), person(2, "bob@corp.com")], direct: [1]))
        XCTAssertEqual(plan.operations.map(\.kind), [.provisionUser])
        guard case .provisionUser(let id, let profile) = plan.operations[0] else { return XCTFail() }
        XCTAssertEqual(id, 1)
        XCTAssertEqual(profile.userName, "zoe@corp.com")
        XCTAssertEqual(profile["name.givenName"], "Zoë")
        XCTAssertEqual(profile["emails[primary].type"], "work")
    }

    func test_assigningAGroupProvisionsItsMembersButDoesNotPushTheGroup() throws {
        let people = [person(1, "a@corp.com"), person(2, "b@corp.com"), person(3, "c@corp.com")]
        let plan = try Planner().plan(snapshot(people: people, groups: [Group(id: 10, name: "Sales", memberIDs: [1, 2])], viaGroups: [10]))
        XCTAssertEqual(plan.operations.map(\.kind), [.provisionUser, .provisionUser])
    }

    func test_createUsersOffSendsNothingForNewPeople() throws {
        let plan = try Planner().plan(snapshot(people: [person(1, "a@corp.com")], direct: [1], toggles: ProvisioningToggles(createUsers: false, updateUserAttributes: true, deactivateUsers: true)))
        XCTAssertTrue(plan.isEmpty)
    }

    func test_unchangedLinkedPersonSendsNothingAndChangedOneIsUpdated() throws {
        let zoe = person(1, "zoe@corp.com")
        let link = ProvisioningSnapshot.UserLink(remoteID: "r1", payloadHash: try hash(zoe), isActive: true)
        XCTAssertTrue(try Planner().plan(snapshot(people: [zoe], direct: [1], links: [1: link])).isEmpty)

        let renamed = person(1, "zoe@corp.com", first: "Zoé")
        let plan = try Planner().plan(snapshot(people: [renamed], direct: [1], links: [1: link]))
        XCTAssertEqual(plan.operations.map(\.kind), [.updateUser])

        let updatesOff = ProvisioningToggles(createUsers: true, updateUserAttributes: false, deactivateUsers: true)
        XCTAssertTrue(try Planner().plan(snapshot(people: [renamed], direct: [1], links: [1: link], toggles: updatesOff)).isEmpty)
    }

    func test_unassignedOrDeactivatedPersonIsDeactivatedOnlyWithTheToggle() throws {
        let link = ProvisioningSnapshot.UserLink(remoteID: "r1", payloadHash: nil, isActive: true)
        let unassigned = try Planner().plan(snapshot(people: [person(1, "a@corp.com")], links: [1: link]))
        XCTAssertEqual(unassigned.operations, [.deactivateUser(personID: 1, remoteID: "r1")])

        let deactivated = try Planner().plan(snapshot(people: [person(1, "a@corp.com", status: .deactivated)], direct: [1], links: [1: link]))
        XCTAssertEqual(deactivated.operations, [.deactivateUser(personID: 1, remoteID: "r1")])

        let off = ProvisioningToggles(createUsers: true, updateUserAttributes: true, deactivateUsers: false)
        XCTAssertTrue(try Planner().plan(snapshot(people: [person(1, "a@corp.com")], links: [1: link], toggles: off)).isEmpty)
    }

    func test_reassignedDeactivatedPersonIsReactivated() throws {
        let link = ProvisioningSnapshot.UserLink(remoteID: "r1", payloadHash: nil, isActive: false)
        let plan = try Planner().plan(snapshot(people: [person(1, "a@corp.com")], direct: [1], links: [1: link]))
        XCTAssertEqual(plan.operations.map(\.kind), [.reactivateUser])
        XCTAssertTrue(try Planner().plan(snapshot(people: [person(1, "a@corp.com")], links: [1: link])).isEmpty, "already inactive: nothing to send")
    }

    func test_userNamesThatDifferOnlyByCaseAreAConflictNotTwoUsers() throws {
        let plan = try Planner().plan(snapshot(people: [person(1, "Ann@corp.com"), person(2, "ann@corp.com"), person(3, "bo@corp.com")], direct: [1, 2, 3]))
        XCTAssertEqual(plan.operations.map(\.kind), [.provisionUser])
        XCTAssertEqual(plan.conflicts.count, 1)
        XCTAssertEqual(plan.conflicts[0].personIDs, [1, 2])
        XCTAssertTrue(plan.conflicts[0].reason.contains("ann@corp.com"))
    }

    func test_conflictKeepsTheAlreadyLinkedPerson() throws {
        let link = ProvisioningSnapshot.UserLink(remoteID: "r1", payloadHash: nil, isActive: true)
        let plan = try Planner().plan(snapshot(people: [person(1, "Ann@corp.com"), person(2, "ann@corp.com")], direct: [1, 2], links: [1: link]))
        XCTAssertEqual(plan.conflicts.map(\.personIDs), [[2]])
        XCTAssertEqual(plan.operations.map(\.kind), [.updateUser])
    }

    func test_personWithoutEmailIsReportedNotSent() throws {
        let plan = try Planner().plan(snapshot(people: [Person(id: 1, login: "x", status: .active, profile: ["login": "x"])], direct: [1]))
        XCTAssertTrue(plan.isEmpty)
        XCTAssertEqual(plan.conflicts.first?.personIDs, [1])
    }

    func test_newPushedGroupIsCreatedThenGetsItsEligibleMembersInBatches() throws {
        let people = (1...5).map { person(Int64($0), "p\($0)@corp.com") }
        let group = Group(id: 10, name: "Sales", memberIDs: [1, 2, 3, 4, 5])
        let plan = try Planner(memberBatchSize: 2).plan(snapshot(people: people, groups: [group], direct: [1, 2, 3, 4], pushes: [.init(groupID: 10)]))
        XCTAssertEqual(plan.operations.filter { $0.kind != .provisionUser }, [
            .createGroup(groupID: 10, name: "Sales", members: [1, 2, 3, 4]),
            .addMembers(groupID: 10, personIDs: [1, 2]),
            .addMembers(groupID: 10, personIDs: [3, 4]),
        ], "person 5 is not assigned, so not a member in the app")
        XCTAssertEqual(plan.operations.first?.kind, .provisionUser, "users come before the groups that need them")
    }

    func test_linkedGroupIsRenamedAndMembershipDiffed() throws {
        let people = (1...3).map { person(Int64($0), "p\($0)@corp.com") }
        let links = Dictionary(uniqueKeysWithValues: try people.map { ($0.id, ProvisioningSnapshot.UserLink(remoteID: "r\($0.id)", payloadHash: try hash($0), isActive: true)) })
        let push = ProvisioningSnapshot.GroupPush(groupID: 10, remoteID: "g", pushedName: "Sales", pushedMemberIDs: [1, 2])
        let plan = try Planner().plan(snapshot(people: people, groups: [Group(id: 10, name: "Sales EMEA", memberIDs: [2, 3])], direct: [1, 2, 3], links: links, pushes: [push]))
        XCTAssertEqual(plan.operations, [
            .renameGroup(groupID: 10, remoteID: "g", name: "Sales EMEA"),
            .removeMembers(groupID: 10, personIDs: [1]),
            .addMembers(groupID: 10, personIDs: [3]),
        ])
    }

    func test_pushNowResendsTheWholeMemberList() throws {
        let people = (1...2).map { person(Int64($0), "p\($0)@corp.com") }
        let links = Dictionary(uniqueKeysWithValues: try people.map { ($0.id, ProvisioningSnapshot.UserLink(remoteID: "r\($0.id)", payloadHash: try hash($0), isActive: true)) })
        let push = ProvisioningSnapshot.GroupPush(groupID: 10, remoteID: "g", pushedName: "Sales", pushedMemberIDs: [1, 2], pushNowRequested: true)
        let plan = try Planner().plan(snapshot(people: people, groups: [Group(id: 10, name: "Sales", memberIDs: [1, 2])], direct: [1, 2], links: links, pushes: [push]))
        XCTAssertEqual(plan.operations, [.addMembers(groupID: 10, personIDs: [1, 2])])
    }

    func test_pushNowOnAGroupWithNoMemberToSendReSendsItsName() throws {
        let push = ProvisioningSnapshot.GroupPush(groupID: 10, remoteID: "g", pushedName: "Sales", pushNowRequested: true)
        let plan = try Planner().plan(snapshot(people: [], groups: [Group(id: 10, name: "Sales", memberIDs: [])], pushes: [push]))
        XCTAssertEqual(plan.operations, [.renameGroup(groupID: 10, remoteID: "g", name: "Sales")],
                       "something must answer Push Now, or the group shows Pushing for ever")
    }

    func test_unlinkDeletesOrForgetsTheGroup() throws {
        let delete = ProvisioningSnapshot.GroupPush(groupID: 10, remoteID: "g", pushedName: "Sales", unlink: .deleteInTarget)
        let keep = ProvisioningSnapshot.GroupPush(groupID: 11, remoteID: "h", pushedName: "Ops", unlink: .keepInTarget)
        let groups = [Group(id: 10, name: "Sales", memberIDs: []), Group(id: 11, name: "Ops", memberIDs: [])]
        let plan = try Planner().plan(snapshot(people: [], groups: groups, pushes: [delete, keep]))
        XCTAssertEqual(plan.operations, [.deleteGroup(groupID: 10, remoteID: "g"), .forgetGroup(groupID: 11)])
    }

    func test_ruleMatchesGroupsByNameAndDescriptionIncludingOnesAddedLater() throws {
        let rule = PushGroupRule(name: "AD groups", groupName: .init(.startsWith, "ad-"), groupDescription: .init(.contains, "Active Directory"))
        let groups = [
            Group(id: 10, name: "AD-Sales", description: "Synced from Active Directory", memberIDs: []),
            Group(id: 11, name: "AD-Ops", description: "made by hand", memberIDs: []),
            Group(id: 12, name: "Sales-AD", description: "Active Directory", memberIDs: []),
        ]
        let plan = try Planner().plan(snapshot(people: [], groups: groups, rules: [rule]))
        XCTAssertEqual(plan.operations, [.createGroup(groupID: 10, name: "AD-Sales", members: [])])

        let later = groups + [Group(id: 13, name: "ad-finance", description: "from active directory", memberIDs: [])]
        let second = try Planner().plan(snapshot(people: [], groups: later, rules: [rule]))
        XCTAssertEqual(second.operations.map(\.kind), [.createGroup, .createGroup])
    }

    func test_invalidMappingIsReportedWithItsAttribute() {
        var broken = snapshot(people: [person(1, "a@corp.com")], direct: [1])
        broken.mappings[1].expression = "user.firstName +"
        XCTAssertThrowsError(try Planner().plan(broken)) { error in
            XCTAssertEqual((error as? ProfileMapper.InvalidMapping)?.attribute, "name.givenName")
        }
    }

    func test_countsGroupOperationsByKind() throws {
        let plan = try Planner().plan(snapshot(people: [person(1, "a@corp.com"), person(2, "b@corp.com")], direct: [1, 2]))
        XCTAssertEqual(plan.counts.map(\.kind), [.provisionUser])
        XCTAssertEqual(plan.counts.map(\.count), [2])
    }
}

final class CreateOnlyMappingTests: XCTestCase {
    func test_createOnlyValuesAreSentOnCreateButNeverCauseOrJoinAnUpdate() throws {
        let mappings = Catalog.axiadCloud.defaultMappings + [AttributeMapping(attribute: "title", expression: "user.title", applyOn: .createOnly)]
        let mapper = try ProfileMapper(mappings: mappings)
        let before = mapper.map(["email": "zoe@corp.com", "firstName": "Zoë", "lastName": "M", "title": "Engineer"])
        let after = mapper.map(["email": "zoe@corp.com", "firstName": "Zoë", "lastName": "M", "title": "Staff Engineer"])
        XCTAssertEqual(before["title"], "Engineer", "the create carries it")
        XCTAssertNil(before.updatable.values.first { $0.attribute == "title" }, "an update does not")
        XCTAssertEqual(before.payloadHash, after.payloadHash, "a changed create-only value is no reason to update")
        let renamed = mapper.map(["email": "zoe@corp.com", "firstName": "Zoe", "lastName": "M", "title": "Engineer"])
        XCTAssertNotEqual(before.payloadHash, renamed.payloadHash)
    }
}
