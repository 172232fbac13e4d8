import Foundation
import Provisioning
import Store
import ViewModels
import XCTest

/// The Push Groups tab's view model through its runner and an in-memory store: the rows, find by name
/// with Save & Add Another / Save, find by rule, Push Now and Unlink pushed group.
final class PushGroupsViewModelTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_750_000_000)

    /// An Axiad Cloud app, configured for sync unless told otherwise, and a few directory groups.
    private struct World {
        let store: ScimdeckStore
        let app: Saved<AppIntegration>
        let runner: PushGroupsEffectRunner
        var appID: Int64 { app.id ?? -1 }
        var push: AppGroupPush { runner.push }

        init(canSync: Bool = true, configured: Bool = true, now: Date) throws {
            store = try ScimdeckStore()
            let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: configured, baseURL: configured ? "https://scim.example.com/v2" : "")
            app = try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud (prod)", provisioning: settings, in: store)
            if configured { try store.secrets.set(SecretValue("token-3f9a"), name: SecretName.apiToken, appId: try XCTUnwrap(app.id)) }
            for (name, description) in [("Sales", "Sales team"), ("Sales EMEA", "From Active Directory"), ("Engineering", "From Active Directory"),
                                        ("Finance", "")] {
                try store.directory.addGroup(DirectoryGroup(name: name, description: description))
            }
            runner = PushGroupsEffectRunner(store: store, app: app, canSync: canSync, now: { now })
        }

        func groupID(_ name: String) throws -> Int64 { try XCTUnwrap(try store.directory.group(name: name)?.id) }

        func link(_ name: String) throws -> PushGroupLink? {
            let id = try groupID(name)
            return try store.records(PushGroupLink.self).all(appId: appID).first { $0.groupId == id }
        }

        func linkedNames() throws -> [String] { try push.rows().map(\.name) }
    }

    private func opened(_ world: World) -> PushGroupsViewModel {
        var model = PushGroupsViewModel()
        world.runner.send(.appear, to: &model)
        return model
    }

    // MARK: Rows and rules

    func test_rowsShowBothNamesLastPushAndStatusAndRulesShowTheirMatches() throws {
        let world = try World(now: now)
        try world.push.push(groupNamed: "Sales")
        try world.push.push(groupNamed: "Engineering")
        try world.push.push(groupNamed: "Finance")
        var sales = try XCTUnwrap(try world.link("Sales"))
        sales.status = .active
        sales.lastPushedAt = now.addingTimeInterval(-120)
        try world.store.records(PushGroupLink.self).update(sales)
        try world.store.records(RemoteLink.self).insert(RemoteLink(appId: world.appID, kind: .group, localId: sales.groupId, remoteId: "g1", pushedName: "Sales"))
        var finance = try XCTUnwrap(try world.link("Finance"))
        finance.status = .error
        finance.lastError = "403 Forbidden"
        try world.store.records(PushGroupLink.self).update(finance)
        try world.store.records(Store.PushGroupRule.self).insert(Store.PushGroupRule(
            appId: world.appID, name: "AD groups", nameOperator: .contains, nameValue: "", descriptionOperator: .contains, descriptionValue: "Active Directory"))

        let model = opened(world)
        XCTAssertEqual(model.phase, .ready)
        XCTAssertEqual(model.columns, ["GROUP IN DIRECTORY", "GROUP IN AXIAD CLOUD", "LAST PUSH", "PUSH STATUS"])
        XCTAssertEqual(model.rows.map(\.cells), [
            ["Sales", "Sales", "2 min ago", "Active ▾"],
            ["Engineering", "—", "—", "Pushing… ▾"],
            ["Finance", "—", "—", "✗ Error: 403 Forbidden ▾"],
        ])
        XCTAssertEqual(model.rows.map(\.isError), [false, false, true])
        XCTAssertEqual(model.ruleLines, [PushGroupsViewModel.RuleLine(
            name: "AD groups", conditions: "name contains \"\" AND description contains \"Active Directory\"", matches: "→ 2 groups")])
        XCTAssertNil(model.snapshot.syncBlocker)
    }

    // MARK: Find groups by name

    func test_theMenuOpensFindByNameWhichSearchesAsYouTypeAndMarksPushedGroups() throws {
        let world = try World(now: now)
        try world.push.push(groupNamed: "Sales EMEA")
        var model = opened(world)
        world.runner.send(.openAddMenu, to: &model)
        XCTAssertEqual(model.panel, .addMenu(highlighted: 0))
        world.runner.send(.moveHighlight(1), to: &model)
        XCTAssertEqual(model.panel, .addMenu(highlighted: 1))
        world.runner.send(.moveHighlight(5), to: &model)
        XCTAssertEqual(model.panel, .addMenu(highlighted: 1), "the highlight stays on the menu")
        world.runner.send(.chooseAddOption(.byName), to: &model)
        guard case .findByName(let all) = model.panel else { return XCTFail("\(String(describing: model.panel))") }
        XCTAssertEqual(all.results.map(\.name), ["Engineering", "Finance", "Sales", "Sales EMEA"], "every group before anything is typed")

        world.runner.send(.searchGroups("sal"), to: &model)
        guard case .findByName(let found) = model.panel else { return XCTFail() }
        XCTAssertTrue(found.resultsAreCurrent)
        XCTAssertEqual(found.results.map(\.name), ["Sales", "Sales EMEA"])
        XCTAssertEqual(found.results.map(\.isPushed), [false, true])
    }

    func test_anAnswerToAnEarlierKeystrokeIsDropped() throws {
        var model = PushGroupsViewModel()
        _ = model.send(.loaded(PushGroupsSnapshot(targetName: "Axiad Cloud")))
        _ = model.send(.chooseAddOption(.byName))
        _ = model.send(.searchGroups("Sa"))
        _ = model.send(.searchGroups("Sal"))
        _ = model.send(.groupsFound(query: "Sa", [PushableGroup(id: 1, name: "Samba")]))
        guard case .findByName(let find) = model.panel else { return XCTFail() }
        XCTAssertFalse(find.resultsAreCurrent)
        XCTAssertTrue(find.results.isEmpty)
        _ = model.send(.pickGroup)
        guard case .findByName(let after) = model.panel else { return XCTFail() }
        XCTAssertNil(after.chosen, "nothing is picked from a stale list")
        _ = model.send(.groupsFound(query: "Sal", [PushableGroup(id: 2, name: "Sales")]))
        guard case .findByName(let answered) = model.panel else { return XCTFail() }
        XCTAssertEqual(answered.chosen?.name, "Sales", "the ⏎ given before the answer picks from it once it comes")
    }

    func test_saveAndAddAnotherThenSaveLinksBothAndAsksForOneSync() throws {
        let world = try World(now: now)
        var model = opened(world)
        world.runner.send(.chooseAddOption(.byName), to: &model)
        world.runner.send(.searchGroups("Sales"), to: &model)
        world.runner.send(.pickGroup, to: &model)
        guard case .findByName(let picked) = model.panel else { return XCTFail() }
        XCTAssertEqual(picked.chosen?.name, "Sales")
        XCTAssertEqual(picked.query, "Sales", "the field takes the picked group's name")

        var left = world.runner.send(.save(addAnother: true), to: &model)
        XCTAssertEqual(left, [], "Save & Add Another pushes nothing yet")
        guard case .findByName(let next) = model.panel else { return XCTFail("the form stays open: \(String(describing: model.panel))") }
        XCTAssertEqual(next.query, "")
        XCTAssertNil(next.chosen)
        XCTAssertEqual(next.saved, ["Sales"])
        XCTAssertEqual(try world.linkedNames(), ["Sales"])

        world.runner.send(.searchGroups("eng"), to: &model)
        world.runner.send(.pickGroup, to: &model)
        left = world.runner.send(.save(addAnother: false), to: &model)
        XCTAssertEqual(left, [.runSync], "back on the tab the groups are pushed")
        XCTAssertNil(model.panel)
        XCTAssertEqual(model.status, .info("Pushing Sales and Engineering…"))
        XCTAssertEqual(try world.linkedNames(), ["Sales", "Engineering"])
        XCTAssertEqual(model.rows.map(\.status), ["Pushing… ▾", "Pushing… ▾"])
    }

    func test_escAfterSaveAndAddAnotherStillPushesWhatWasSaved() throws {
        let world = try World(now: now)
        var model = opened(world)
        world.runner.send(.chooseAddOption(.byName), to: &model)
        world.runner.send(.searchGroups("Fin"), to: &model)
        world.runner.send(.pickGroup, to: &model)
        world.runner.send(.save(addAnother: true), to: &model)
        XCTAssertEqual(world.runner.send(.closePanel, to: &model), [.runSync])
        XCTAssertEqual(model.status, .info("Pushing Finance…"))
    }

    func test_saveWithoutAPickedGroupSaysWhatToDoAndAPushedGroupCannotBePicked() throws {
        let world = try World(now: now)
        try world.push.push(groupNamed: "Sales")
        var model = opened(world)
        world.runner.send(.chooseAddOption(.byName), to: &model)
        world.runner.send(.searchGroups("Sales"), to: &model)
        XCTAssertEqual(world.runner.send(.save(addAnother: false), to: &model), [])
        guard case .findByName(let unpicked) = model.panel else { return XCTFail() }
        XCTAssertEqual(unpicked.problem, "Choose a group from the list first: type part of its name, ↑↓, ⏎.")

        world.runner.send(.pickGroup, to: &model)
        guard case .findByName(let refused) = model.panel else { return XCTFail() }
        XCTAssertNil(refused.chosen)
        XCTAssertEqual(refused.problem, "Sales is pushed already.")
        world.runner.send(.moveHighlight(1), to: &model)
        world.runner.send(.pickGroup, to: &model)
        guard case .findByName(let emea) = model.panel else { return XCTFail() }
        XCTAssertEqual(emea.chosen?.name, "Sales EMEA")
        XCTAssertNil(emea.problem)
        world.runner.send(.searchGroups("Sales EME"), to: &model)
        guard case .findByName(let edited) = model.panel else { return XCTFail() }
        XCTAssertNil(edited.chosen, "typing after the pick drops it")
    }

    func test_withoutASyncRunnerOrAConfiguredIntegrationTheSaveSaysWhyItWaits() throws {
        for (world, reason) in [
            (try World(canSync: false, now: now), "sync is not available in this console."),
            (try World(configured: false, now: now), "API integration is not enabled for Axiad Cloud (prod); turn it on in Provisioning → Integration."),
        ] {
            var model = opened(world)
            XCTAssertEqual(model.snapshot.syncBlocker, reason)
            world.runner.send(.chooseAddOption(.byName), to: &model)
            world.runner.send(.searchGroups("Finance"), to: &model)
            world.runner.send(.pickGroup, to: &model)
            XCTAssertEqual(world.runner.send(.save(addAnother: false), to: &model), [], "no sync is asked for")
            XCTAssertEqual(model.status, .error("Finance saved, not sent yet: \(reason)"))
            XCTAssertEqual(try world.linkedNames(), ["Finance"], "the push is stored for the next sync")
        }
    }

    // MARK: Find groups by rule

    func test_aRuleNeedsANameAndBothConditions() throws {
        let world = try World(now: now)
        var model = opened(world)
        world.runner.send(.chooseAddOption(.byRule), to: &model)
        guard case .findByRule(let blank) = model.panel else { return XCTFail() }
        XCTAssertEqual(blank.nameOperator, .contains)
        XCTAssertEqual(blank.descriptionOperator, .contains)

        world.runner.send(.setRuleText(.groupDescription, "Active Directory"), to: &model)
        XCTAssertEqual(world.runner.send(.createRule, to: &model), [])
        guard case .findByRule(let refused) = model.panel else { return XCTFail() }
        XCTAssertEqual(refused.problems, [
            .ruleName: "give the rule a name, to tell its groups apart",
            .groupName: "fill in the group name condition: a rule needs both",
        ])
        XCTAssertTrue(try world.push.rules().isEmpty, "nothing stored")

        world.runner.send(.setRuleText(.ruleName, "AD groups"), to: &model)
        guard case .findByRule(let typing) = model.panel else { return XCTFail() }
        XCTAssertNil(typing.problems[.ruleName], "typing in a field clears its reason")
        world.runner.send(.chooseOperator(.groupName, .startsWith), to: &model)
        world.runner.send(.setRuleText(.groupName, "Sales"), to: &model)
        let left = world.runner.send(.createRule, to: &model)
        XCTAssertNil(model.panel)
        XCTAssertEqual(left, [.runSync])
        XCTAssertEqual(model.status, .info("Rule “AD groups” created: pushing its 1 group…"))
        XCTAssertEqual(model.ruleLines.map(\.conditions), ["name starts with \"Sales\" AND description contains \"Active Directory\""])
        let stored = try XCTUnwrap(try world.store.records(Store.PushGroupRule.self).all(appId: world.appID).first)
        XCTAssertEqual(stored.nameOperator, .startsWith)
        XCTAssertEqual(stored.descriptionValue, "Active Directory")
    }

    func test_aRuleNameIsTakenOnceAndARuleMatchingNothingAsksForNoSync() throws {
        let world = try World(now: now)
        var model = opened(world)
        for attempt in 0..<2 {
            world.runner.send(.chooseAddOption(.byRule), to: &model)
            world.runner.send(.setRuleText(.ruleName, "Nothing yet"), to: &model)
            world.runner.send(.setRuleText(.groupName, "Zzz"), to: &model)
            world.runner.send(.setRuleText(.groupDescription, "Zzz"), to: &model)
            let left = world.runner.send(.createRule, to: &model)
            XCTAssertEqual(left, [])
            if attempt == 0 {
                XCTAssertNil(model.panel)
                XCTAssertEqual(model.ruleLines.map(\.matches), ["→ 0 groups"])
            } else {
                guard case .findByRule(let form) = model.panel else { return XCTFail() }
                XCTAssertEqual(form.problems[.ruleName], "a rule named “Nothing yet” exists already; choose another name")
                XCTAssertFalse(form.isSaving)
            }
        }
    }

    // MARK: Status menu

    func test_deleteARuleListsTheRulesAsksThenDeletesOnlyTheRule() throws {
        let world = try World(now: now)
        var model = opened(world)
        world.runner.send(.openRuleMenu, to: &model)
        XCTAssertNil(model.panel)
        XCTAssertEqual(model.status, .info("No rule to delete: + Push Groups ▸ Find groups by rule makes one."))

        try world.push.addRule(PushRuleDraft(name: "AD groups", groupName: .init(.contains, "a"), groupDescription: .init(.contains, "Directory")))
        try world.push.push(groupNamed: "Sales")
        world.runner.send(.refresh, to: &model)
        world.runner.send(.openRuleMenu, to: &model)
        XCTAssertEqual(model.panel, .ruleMenu(highlighted: 0))
        world.runner.send(.chooseRule, to: &model)
        XCTAssertEqual(model.panel, .confirmRuleRemoval(name: "AD groups"))
        XCTAssertEqual(world.runner.send(.confirmRuleRemoval, to: &model), [], "deleting a rule sends nothing")
        XCTAssertNil(model.panel)
        XCTAssertEqual(model.snapshot.rules, [])
        XCTAssertEqual(model.rows.count, 1, "Sales stays pushed")
    }

    func test_pushNowMarksTheGroupPushingAndAsksForASync() throws {
        let world = try World(now: now)
        try world.push.push(groupNamed: "Sales")
        var sales = try XCTUnwrap(try world.link("Sales"))
        sales.status = .active
        try world.store.records(PushGroupLink.self).update(sales)
        var model = opened(world)
        world.runner.send(.openStatusMenu(groupID: sales.groupId), to: &model)
        XCTAssertEqual(model.panel, .statusMenu(groupID: sales.groupId, highlighted: 0))
        let left = world.runner.send(.chooseStatusAction(.pushNow), to: &model)
        XCTAssertEqual(left, [.runSync])
        XCTAssertNil(model.panel)
        XCTAssertEqual(model.rows.first?.status, "Pushing… ▾")
        XCTAssertEqual(model.status, .info("Pushing Sales now…"))
        let stored = try XCTUnwrap(try world.link("Sales"))
        XCTAssertTrue(stored.pushNowRequested)
        XCTAssertEqual(stored.status, .pushing)

        // The sync sends it (here: the store as a sync leaves it); the tab reads again and says so.
        var sent = stored
        sent.status = .active
        try world.store.records(PushGroupLink.self).update(sent)
        world.runner.send(.refresh, to: &model)
        XCTAssertEqual(model.status, .info("Pushed."))
    }

    func test_unlinkDefaultsToDeleteInTheAppAndLeaveIsStoredWhenChosen() throws {
        let world = try World(now: now)
        try world.push.push(groupNamed: "Sales")
        try world.push.push(groupNamed: "Finance")
        var model = opened(world)
        let sales = try world.groupID("Sales"), finance = try world.groupID("Finance")

        world.runner.send(.openStatusMenu(groupID: sales), to: &model)
        world.runner.send(.moveHighlight(1), to: &model)
        world.runner.send(.chooseStatusAction(.unlink), to: &model)
        XCTAssertEqual(model.panel, .unlink(.init(groupID: sales, groupName: "Sales", deleteInTarget: true)))
        XCTAssertEqual(world.runner.send(.confirmUnlink, to: &model), [.runSync])
        XCTAssertEqual(try world.link("Sales")?.unlinkAction, .delete)
        XCTAssertEqual(model.status, .info("Unlinking Sales and deleting it in Axiad Cloud…"))

        world.runner.send(.openStatusMenu(groupID: finance), to: &model)
        world.runner.send(.chooseStatusAction(.unlink), to: &model)
        world.runner.send(.chooseUnlinkDelete(false), to: &model)
        world.runner.send(.confirmUnlink, to: &model)
        XCTAssertEqual(try world.link("Finance")?.unlinkAction, .keep)
        XCTAssertEqual(model.rows.map(\.status), ["Deleting…", "Unlinking…"])
        XCTAssertEqual(model.rows.map(\.hasMenu), [false, false])

        world.runner.send(.openStatusMenu(groupID: finance), to: &model)
        XCTAssertNil(model.panel, "no menu while the unlink waits for the sync")
    }

    func test_cancelInTheUnlinkDialogChangesNothing() throws {
        let world = try World(now: now)
        try world.push.push(groupNamed: "Sales")
        var model = opened(world)
        world.runner.send(.openStatusMenu(groupID: try world.groupID("Sales")), to: &model)
        world.runner.send(.chooseStatusAction(.unlink), to: &model)
        XCTAssertEqual(world.runner.send(.closePanel, to: &model), [])
        XCTAssertNil(model.panel)
        XCTAssertNil(try world.link("Sales")?.unlinkAction)
    }

    func test_unlinkingAGroupARuleMatchesWarnsThatTheRulePushesItAgain() throws {
        let world = try World(now: now)
        try world.push.addRule(PushRuleDraft(name: "Sales groups", groupName: .init(.startsWith, "Sales"), groupDescription: .init(.contains, "Sales")))
        try world.push.push(groupNamed: "Sales")
        var model = opened(world)
        world.runner.send(.openStatusMenu(groupID: try world.groupID("Sales")), to: &model)
        world.runner.send(.chooseStatusAction(.unlink), to: &model)
        guard case .unlink(let choice) = model.panel else { return XCTFail() }
        XCTAssertEqual(choice.warning, "Rule “Sales groups” matches Sales: the next sync pushes it again while the rule stands.")
    }

    func test_aRefusedChangeIsSaidOnTheStatusLine() throws {
        var model = PushGroupsViewModel()
        _ = model.send(.loaded(PushGroupsSnapshot(targetName: "Axiad Cloud", groups: [PushedGroup(groupID: 7, name: "Sales", status: .active)])))
        _ = model.send(.openStatusMenu(groupID: 7))
        XCTAssertEqual(model.send(.chooseStatusAction(.pushNow)), [.pushNow(groupID: 7, name: "Sales")])
        _ = model.send(.actionFailed("Sales is not pushed to this app"))
        XCTAssertEqual(model.status, .error("Sales is not pushed to this app"))
    }

    func test_lastPushIsToldRelativeToWhenTheTabReadTheStore() throws {
        var model = PushGroupsViewModel()
        let groups = [30.0, 600, 7200, 200_000].enumerated().map { index, age in
            PushedGroup(groupID: Int64(index), name: "G\(index)", lastPushedAt: now.addingTimeInterval(-age), status: .active)
        }
        _ = model.send(.loaded(PushGroupsSnapshot(targetName: "Axiad Cloud", groups: groups, readAt: now)))
        let days = model.rows.map(\.lastPush)
        XCTAssertEqual(Array(days.prefix(3)), ["just now", "10 min ago", "2 h ago"])
        XCTAssertTrue(days[3].hasPrefix("2025-06-1"), "older than a day: the day (\(days[3]))")
    }
}
