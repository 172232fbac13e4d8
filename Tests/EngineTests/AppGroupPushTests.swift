import Foundation
import Provisioning
import Store
import XCTest

/// The Push Groups changes the CLI and the console share: push by name, rules with their checks,
/// Push Now, unlink, and the rows; then one sync against scim2-server to see Pushing become Active.
final class AppGroupPushTests: XCTestCase {
    private func pushWorld() throws -> (ScimdeckStore, AppGroupPush) {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "Axiad"), signOn: SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0), mappings: [])
        for (name, description) in [("Sales", "Sales team"), ("Sales EMEA", "From Active Directory"), ("Engineering", "Synced from Active Directory")] {
            try store.directory.addGroup(DirectoryGroup(name: name, description: description))
        }
        return (store, AppGroupPush(store: store, appID: try XCTUnwrapValue(app.id)))
    }

    func test_pushByNameLinksOnceAndSaysWhenTheGroupIsMissing() throws {
        let (_, push) = try pushWorld()
        XCTAssertTrue(try push.push(groupNamed: "Sales"))
        XCTAssertFalse(try push.push(groupNamed: "sales"), "names compare without case; pushed once")
        XCTAssertThrowsError(try push.push(groupNamed: "Nobody")) { error in
            XCTAssertEqual(error as? StoreError, .groupNotFound("Nobody"))
        }
        let rows = try push.rows()
        XCTAssertEqual(rows.map(\.name), ["Sales"])
        XCTAssertEqual(rows.first?.status, .pushing)
    }

    func test_searchPutsNamesThatStartWithTheTextFirstAndMarksPushedOnes() throws {
        let (_, push) = try pushWorld()
        try push.push(groupNamed: "Sales EMEA")
        let found = try push.groups(matching: "s")
        XCTAssertEqual(found.map(\.name), ["Sales", "Sales EMEA", "Engineering"], "Engineering matches by its description")
        XCTAssertEqual(found.map(\.isPushed), [false, true, false])
    }

    func test_aRuleNeedsBothConditionsAndARemovedRulePushesNothingNew() throws {
        let (store, push) = try pushWorld()
        let oneCondition = PushRuleDraft(name: "Sales", groupName: .init(.startsWith, "Sales"), groupDescription: nil)
        XCTAssertThrowsError(try push.addRule(oneCondition)) { error in
            XCTAssertEqual(error as? GroupPushError, .conditionMissing(.groupDescription))
        }
        XCTAssertThrowsError(try push.addRule(PushRuleDraft(name: " ", groupName: .init(.contains, "a"), groupDescription: .init(.contains, "b")))) { error in
            XCTAssertEqual(error as? GroupPushError, .ruleNameMissing)
        }
        let sales = PushRuleDraft(name: "Sales", groupName: .init(.startsWith, "Sales"), groupDescription: .init(.contains, "a"))
        try push.addRule(sales)
        XCTAssertThrowsError(try push.addRule(sales)) { error in
            XCTAssertEqual(error as? GroupPushError, .ruleNameTaken("Sales"))
        }
        try push.addRule(PushRuleDraft(name: "AD groups", groupName: .init(.contains, "e"), groupDescription: .init(.endsWith, "directory")))
        XCTAssertEqual(try push.rules().map(\.name), ["Sales", "AD groups"])
        let stored = try store.records(Store.PushGroupRule.self).all(appId: push.appID)
        XCTAssertEqual(stored.last?.descriptionOperator, .endsWith)

        try push.removeRule(named: "sales")
        XCTAssertEqual(try push.rules().map(\.name), ["AD groups"], "names are matched in any case")
        XCTAssertThrowsError(try push.removeRule(named: "Sales")) { error in
            XCTAssertEqual(error as? GroupPushError, .noSuchRule("Sales"))
        }
    }

    func test_pushNowAndUnlinkAreRequestsForTheNextSync() throws {
        let (_, push) = try pushWorld()
        try push.push(groupNamed: "Sales")
        let sales = try push.link(groupNamed: "Sales")
        try push.pushNow(groupID: sales.groupId)
        XCTAssertEqual(try push.rows().first?.pushNowRequested, true)
        try push.unlink(groupID: sales.groupId, deleteInTarget: false)
        XCTAssertEqual(try push.rows().first?.unlinkAction, .keep)
        XCTAssertThrowsError(try push.pushNow(groupID: sales.groupId)) { error in
            XCTAssertEqual(error as? GroupPushError, .unlinking("Sales"))
        }
        try push.unlink(groupID: sales.groupId, deleteInTarget: true)
        XCTAssertEqual(try push.rows().first?.unlinkAction, .delete, "the choice can be changed before the sync")
        XCTAssertTrue(try push.push(groupID: sales.groupId), "pushing it again keeps it")
        XCTAssertNil(try push.rows().first?.unlinkAction)
        XCTAssertThrowsError(try push.link(groupNamed: "Engineering")) { error in
            XCTAssertEqual(error as? GroupPushError, .notPushed("Engineering"))
        }
    }

    func test_pushNowOnAGroupWithNoMembersGoesBackToActiveAfterTheSync() async throws {
        let world = try EngineWorld()
        try world.store.directory.addGroup(DirectoryGroup(name: "Empty"))
        let push = AppGroupPush(store: world.store, appID: world.appID)
        try push.push(groupNamed: "Empty")
        try await world.sync()
        XCTAssertEqual(try world.pushLink(group: "Empty").status, .active)

        try push.pushNow(groupID: try world.pushLink(group: "Empty").groupId)
        XCTAssertEqual(try world.pushLink(group: "Empty").status, .pushing)
        let result = try await world.sync()
        XCTAssertEqual(result.report.succeeded[.renameGroup], 1, "the group's name is sent again")
        let link = try world.pushLink(group: "Empty")
        XCTAssertEqual(link.status, .active)
        XCTAssertFalse(link.pushNowRequested)
    }
}
