import Foundation
import Provisioning
import Store
import Terminal
import ViewModels
import XCTest

/// The Push Groups tab, stepped: the sketch's layout, + Push Groups by name (Save & Add Another,
/// Save) and by rule, the Unlink dialog, and Push Now asking for a sync (a fake sync runner stands for the engine).
final class PushGroupsScreenTests: XCTestCase {
    /// Counts the syncs asked for; the fake sync turns every pushed group Active, as the engine would.
    private final class SyncCalls: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func increment() { lock.withLock { count += 1 } }
    }

    private func workspace(syncing calls: SyncCalls? = nil, slowSync: Bool = false) throws -> (Workspace, Int64) {
        let store = try ScimdeckStore()
        var runner: SyncRunner?
        if let calls {
            runner = { appID, progress in
                calls.increment()
                progress(SyncProgress(done: 1, total: 2, failed: 0))
                if slowSync {
                    try await Task.sleep(for: .seconds(10))
                    return SyncSummary(kind: .complete, headline: "never")
                }
                for var link in try store.records(PushGroupLink.self).all(appId: appID) where link.unlinkAction == nil {
                    link.status = .active
                    link.lastPushedAt = Date()
                    link.pushNowRequested = false
                    try store.records(PushGroupLink.self).update(link)
                }
                return SyncSummary(kind: .complete, headline: "Synced Axiad Cloud (prod): 2 operations sent.")
            }
        }
        let workspace = Workspace(store: store, location: "~/.local/share/scimdeck/scimdeck.sqlite", syncRunner: runner)
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: "https://scim.example.com/v2")
        let app = try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud (prod)", provisioning: settings, in: store)
        let appID = try XCTUnwrap(app.id)
        try store.secrets.set(SecretValue("never-shown-token-3f9a"), name: SecretName.apiToken, appId: appID)
        for (name, description) in [("Sales", "Active Directory: sales"), ("Sales EMEA", "Active Directory: EMEA"),
                                    ("Engineering", "Active Directory"), ("Finance", "")] {
            try store.directory.addGroup(DirectoryGroup(name: name, description: description))
        }
        return (workspace, appID)
    }

    /// Sales pushed and Active in the app, Engineering waiting, Finance refused; one rule.
    private func pushSome(_ workspace: Workspace, _ appID: Int64) throws {
        let push = AppGroupPush(store: workspace.store, appID: appID)
        for name in ["Sales", "Engineering", "Finance"] { try push.push(groupNamed: name) }
        let links = workspace.store.records(PushGroupLink.self)
        for var link in try links.all(appId: appID) {
            let name = try workspace.store.directory.groups().first { $0.group.id == link.groupId }?.group.name
            if name == "Sales" {
                link.status = .active
                link.lastPushedAt = Date().addingTimeInterval(-120)
                try workspace.store.records(RemoteLink.self).insert(RemoteLink(appId: appID, kind: .group, localId: link.groupId, remoteId: "g1", pushedName: "Sales"))
            }
            if name == "Finance" {
                link.status = .error
                link.lastError = "403 Forbidden"
            }
            try links.update(link)
        }
        try push.addRule(PushRuleDraft(name: "AD groups", groupName: .init(.contains, "a"), groupDescription: .init(.contains, "Active Directory")))
    }

    private func links(_ workspace: Workspace, _ appID: Int64) throws -> [String: PushGroupLink] {
        let names = Dictionary(uniqueKeysWithValues: try workspace.store.directory.groups().compactMap { summary in summary.group.id.map { ($0, summary.group.name) } })
        return Dictionary(uniqueKeysWithValues: try workspace.store.records(PushGroupLink.self).all(appId: appID).map { (names[$0.groupId] ?? "?", $0) })
    }

    private let openTab: [ConsoleHarness.Step] = [.input(key(.enter)), .input(typed("5")), .waitFor("GROUP IN DIRECTORY")]

    private func steps(_ inputs: [[InputEvent]]) -> [ConsoleHarness.Step] { inputs.map { .input($0) } }

    // MARK: Layout

    func test_theTabFollowsTheSketchAt80x24And100x30() throws {
        let (workspace, appID) = try workspace()
        try pushSome(workspace, appID)
        for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 100, rows: 30)] {
            let terminal = try ConsoleHarness(workspace: workspace, size: size).run(steps: openTab + [.waitFor("Active ▾")])
            let lines = terminal.trimmedLines
            let text = terminal.text
            XCTAssertTrue(lines[3].hasPrefix("│ [+] Push Groups ▾ (Find groups by name / Find groups by rule)"), lines[3])
            XCTAssertTrue(lines[3].contains("/ filter"), lines[3])
            XCTAssertTrue(lines[4].contains("GROUP IN DIRECTORY") && lines[4].contains("GROUP IN AXIAD CLOUD") && lines[4].contains("LAST PUSH")
                          && lines[4].contains("PUSH STATUS"), lines[4])
            XCTAssertTrue(lines[5].hasPrefix("│▸ Sales") && lines[5].contains("2 min ago") && lines[5].contains("Active ▾"), lines[5])
            XCTAssertTrue(lines[6].contains("Engineering") && lines[6].contains("—") && lines[6].contains("Pushing… ▾"), lines[6])
            XCTAssertTrue(lines[7].contains("Finance") && lines[7].contains("✗ Error: 403"), lines[7])
            XCTAssertTrue(lines.contains { $0.hasPrefix("│ Rules") }, text)
            XCTAssertTrue(lines.contains { $0.hasPrefix("│  AD groups") && $0.contains("name contains \"a\" AND description contains") && $0.contains("→ 2 groups") }, text)
            XCTAssertTrue(lines[size.rows - 1].contains("+ push groups") && lines[size.rows - 1].contains("⏎ Push Now · Unlink"), lines[size.rows - 1])
            XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= size.columns })
            XCTAssertFalse(text.contains("Read-only"), "the tab is no longer the read-only panel")
        }
    }

    func test_theFilterNarrowsThePushedGroups() throws {
        let (workspace, appID) = try workspace()
        try pushSome(workspace, appID)
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openTab + steps([typed("/fin")]))
        let text = terminal.text
        XCTAssertTrue(text.contains("▸ Finance"), text)
        XCTAssertFalse(text.contains("Engineering"), text)
        XCTAssertTrue(text.contains("/fin") && text.contains("1 of 3"), text)
    }

    // MARK: Find groups by name

    func test_pushByNameWithSaveAndAddAnotherThenSaveStoresBothAndPushesThem() throws {
        let calls = SyncCalls()
        let (workspace, appID) = try workspace(syncing: calls)
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .input(typed("+")), .waitFor("+ Find groups by rule"),
            .input(key(.enter)), .waitFor("4 found"),
            .input(typed("Sal")), .waitFor("2 found"),
            .input(key(.enter)),                    // picks Sales; the focus goes to Save
            .input(key(.left)), .input(key(.enter)), // Save & Add Another
            .waitFor("Saved: Sales"),
            .input(typed("Eng")), .waitFor("1 found"),
            .input(key(.enter)), .input(key(.enter)), // picks Engineering, Save
            .waitFor("Synced Axiad Cloud"), .waitFor("Active ▾"),
        ])
        XCTAssertEqual(try links(workspace, appID).keys.sorted(), ["Engineering", "Sales"])
        XCTAssertEqual(calls.value, 1, "one sync once back on the tab")
        let text = terminal.text
        XCTAssertFalse(text.contains("Find groups by name ─"), "the form is closed:\n\(text)")
        XCTAssertTrue(text.contains("▸ Sales") && text.contains("Engineering"), text)
    }

    func test_findByNameMarksPushedGroupsAndEscClosesIt() throws {
        let (workspace, appID) = try workspace()
        try pushSome(workspace, appID)
        let open = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .input(typed("a")), .input(typed("n")), .waitFor("4 found"),
        ])
        XCTAssertTrue(open.text.contains("┌ Find groups by name"), open.text)
        XCTAssertTrue(open.text.contains("Sales  · 0 members  (pushed)"), open.text)
        XCTAssertTrue(open.text.contains("[ Cancel ]  [ Save & Add Another ]  [ Save ]"), open.text)
        let closed = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .input(typed("a")), .input(typed("n")), .waitFor("4 found"), .input(key(.escape)),
        ])
        XCTAssertFalse(closed.text.contains("┌ Find groups by name"), closed.text)
        XCTAssertEqual(try links(workspace, appID).count, 3)

        let pasted = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .input(typed("a")), .input(typed("n")), .waitFor("4 found"), .input([.paste("Sales EMEA\n")]), .waitFor("1 found"),
        ])
        XCTAssertTrue(pasted.text.contains("Group Sales EMEA"), "a pasted name is searched for:\n\(pasted.text)")
    }

    // MARK: Find groups by rule

    func test_aRuleIsCreatedOnlyWhenBothFiltersAreFilled() throws {
        let (workspace, appID) = try workspace()
        let rules = workspace.store.records(Store.PushGroupRule.self)
        let refused = try ConsoleHarness(workspace: workspace).run(steps: openTab + steps([
            typed("+"), typed("r"), typed("AD groups"),
            key(.tab), key(.right),   // Group name: contains → starts with
            key(.tab), key(.tab), key(.tab), typed("Active Directory"), key(.control("s")),
        ]) + [.waitFor("✗ fill in the group name condition")])
        XCTAssertTrue(refused.text.contains("┌ Find groups by rule"), refused.text)
        XCTAssertTrue(refused.text.contains("Group name          starts with"), refused.text)
        XCTAssertTrue(try rules.all(appId: appID).isEmpty, "no rule while a filter is empty")

        let created = try ConsoleHarness(workspace: workspace).run(steps: openTab + steps([
            typed("+"), typed("r"), typed("AD groups"),
            key(.tab), key(.right), key(.tab), key(.tab), key(.tab), typed("Active Directory"), key(.control("s")),
        ]) + [.waitFor("✗ fill in the group name condition"), .input(typed("Sales")), .input(key(.control("s"))), .waitFor("Rule “AD groups” created")])
        let stored = try XCTUnwrap(try rules.all(appId: appID).first)
        XCTAssertEqual(stored.nameOperator, .startsWith)
        XCTAssertEqual(stored.nameValue, "Sales")
        XCTAssertEqual(stored.descriptionValue, "Active Directory")
        XCTAssertTrue(created.text.contains("→ 2 groups"), created.text)
        XCTAssertTrue(created.text.contains("not sent yet: sync is not available"), "no sync runner: the tab says why nothing is sent\n\(created.text)")
    }

    func test_deletingARuleAsksFirstAndKeepsItsPushedGroups() throws {
        let (workspace, appID) = try workspace()
        try pushSome(workspace, appID)
        let rules = workspace.store.records(Store.PushGroupRule.self)
        let asked = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .waitFor("AD groups"), .input(typed("d")), .waitFor("┌ Delete a rule"), .input(key(.enter)),
        ])
        XCTAssertTrue(asked.text.contains("┌ Delete rule: AD groups"), asked.text)
        XCTAssertTrue(asked.text.contains("[ Cancel ]  [ Delete rule ]"), asked.text)
        try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .waitFor("AD groups"), .input(typed("d")), .input(key(.enter)), .input(key(.enter)),
        ])
        XCTAssertEqual(try rules.all(appId: appID).count, 1, "Cancel has the focus first")

        let before = try links(workspace, appID).count
        let deleted = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .waitFor("AD groups"), .input(typed("d")), .input(key(.enter)), .input(key(.right)), .input(key(.enter)),
            .waitFor("Rule “AD groups” deleted"),
        ])
        XCTAssertEqual(try rules.all(appId: appID).count, 0)
        XCTAssertEqual(try links(workspace, appID).count, before, "the groups it pushed stay pushed")
        XCTAssertFalse(deleted.text.contains("┌ Delete rule"), deleted.text)
    }

    // MARK: Status menu

    func test_theUnlinkDialogDefaultsToDeleteAndLeaveIsStoredWhenChosen() throws {
        let (workspace, appID) = try workspace()
        try pushSome(workspace, appID)
        let dialog = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .waitFor("Active ▾"), .input(key(.enter)), .waitFor("Unlink pushed group"), .input(typed("u")),
            .waitFor("┌ Unlink pushed group: Sales"),
        ])
        let text = dialog.text
        XCTAssertTrue(text.contains("◉ Delete the group in the target app (recommended)"), text)
        XCTAssertTrue(text.contains("○ Leave the group in the target app"), text)
        XCTAssertTrue(text.contains("[ Cancel ]  [ Unlink ]"), text)
        XCTAssertTrue(text.contains("Rule “AD groups” matches Sales"), "a rule would push it again:\n\(text)")
        XCTAssertNil(try links(workspace, appID)["Sales"]?.unlinkAction, "nothing until Unlink")

        let left = try ConsoleHarness(workspace: workspace).run(steps: openTab + [
            .waitFor("Active ▾"), .input(key(.enter)), .input(typed("u")), .waitFor("┌ Unlink pushed group: Sales"),
            .input(key(.down)), .input(key(.right)), .input(key(.enter)), .waitFor("marked for unlinking"),
        ])
        XCTAssertEqual(try links(workspace, appID)["Sales"]?.unlinkAction, .keep)
        XCTAssertFalse(left.text.contains("┌ Unlink pushed group"), left.text)
    }

    func test_pushNowMarksTheGroupPushingAndRunsASync() throws {
        let calls = SyncCalls()
        let (workspace, appID) = try workspace(syncing: calls, slowSync: true)
        try pushSome(workspace, appID)
        // The sync goes on for longer than the test looks: the real runner shows it while it runs.
        let terminal = try ConsoleHarness(workspace: workspace).runLive(steps: openTab + [
            .waitFor("Active ▾"), .input(key(.enter)), .waitFor("Push Now"), .input(key(.enter)),
            .waitFor("Pushing Sales now…"), .waitFor("Syncing… 1/2"),
        ])
        let sales = try XCTUnwrap(try links(workspace, appID)["Sales"])
        XCTAssertTrue(sales.pushNowRequested)
        XCTAssertEqual(sales.status, .pushing)
        XCTAssertEqual(calls.value, 1)
        XCTAssertTrue(terminal.trimmedLines[5].contains("Pushing… ▾"), terminal.trimmedLines[5])
    }
}
