import Foundation
import Provisioning
import Store
import Terminal
import ViewModels
import XCTest

/// The Assignments tab at 80×24, stepped (guide steps 3–4).
final class AssignmentsScreenTests: XCTestCase {
    private func workspace(configured: Bool = false, syncRunner: SyncRunner? = nil) throws -> (Workspace, Int64) {
        let workspace = Workspace(store: try ScimdeckStore(), location: "~/scimdeck.sqlite", syncRunner: syncRunner)
        XCTAssertTrue(DirectoryListing.importFile(at: DirectoryScreenTests.sample, in: workspace).ok)
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: configured, baseURL: configured ? "https://scim.example.com/v2" : "")
        let appID = try XCTUnwrap(try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud", provisioning: settings, in: workspace.store).id)
        if configured { try workspace.store.secrets.set(SecretValue("token-that-is-long-enough"), name: SecretName.apiToken, appId: appID) }
        return (workspace, appID)
    }

    /// Opens the app on Assignments and waits for the rows to load (the counts show then).
    private let openAssignments: [ConsoleHarness.Step] = [.input(key(.enter)), .input(typed("4")), .waitFor(") │ Groups (")]

    func test_assignToPeopleFromThePickerThenDoneListsThemPending() throws {
        let (workspace, appID) = try workspace()
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openAssignments + [
            .input(typed("a")), .input(key(.enter)), .waitFor("┌ Assign to People"),
            .input([.paste("núñez")]), .waitFor("José Núñez"), .input(key(.enter)), .waitFor("Assigned"),
            .input(key(.escape)), .waitFor("People (1)"),
        ])
        let lines = terminal.trimmedLines
        let jose = try XCTUnwrap(lines.first { $0.contains("jose.nunez@example.com") }, terminal.text)
        XCTAssertTrue(jose.contains("direct") && jose.contains("◌ Pending"), jose)
        XCTAssertTrue(terminal.text.contains("Configure API integration on"), "without integration it says what is missing:\n\(terminal.text)")
        XCTAssertEqual(try AppAssignments(store: workspace.store, appID: appID).people().map(\.login), ["jose.nunez@example.com"])
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    func test_assignToGroupsBringsMembersInAndTheirRemoveIsRefused() throws {
        let (workspace, appID) = try workspace()
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openAssignments + [
            .input(typed("a")), .input(key(.down)), .input(key(.enter)), .waitFor("┌ Assign to Groups"),
            .input([.paste("Security")]), .waitFor("4 members"), .input(key(.enter)), .waitFor("Assigned"), .input(key(.escape)),
            .waitFor("Groups (1)"), .input(typed("v")), .waitFor("xiaolong.li"), .input(typed("x")),
        ])
        XCTAssertTrue(terminal.text.contains("Dmitri Volkov is assigned through Gro"), terminal.text)
        XCTAssertFalse(terminal.text.contains("┌ Remove assignment"))
        XCTAssertEqual(try AppAssignments(store: workspace.store, appID: appID).people().count, 4)
    }

    func test_removingAGroupAsksAndCancelKeepsIt() throws {
        let (workspace, appID) = try workspace()
        try AppAssignments(store: workspace.store, appID: appID).assign(groupName: "Sales")
        let harness = ConsoleHarness(workspace: workspace)
        let asked = try harness.run(steps: openAssignments + [.input(typed("v")), .waitFor("MEMBERS"), .input(typed("x"))])
        XCTAssertTrue(asked.text.contains("┌ Remove assignment"), asked.text)
        XCTAssertTrue(asked.text.contains("Remove the group Sales from this app? Its 7 members"), asked.text)
        try harness.run(steps: openAssignments + [.input(typed("v")), .waitFor("MEMBERS"), .input(typed("x")), .input(key(.enter))])
        XCTAssertEqual(try AppAssignments(store: workspace.store, appID: appID).groups().count, 1, "Cancel is focused first")
        try harness.run(steps: openAssignments + [.input(typed("v")), .waitFor("MEMBERS"), .input(typed("x")), .input(key(.right)), .input(key(.enter)),
                                                  .waitFor("Removed.")])
        XCTAssertEqual(try AppAssignments(store: workspace.store, appID: appID).groups().count, 0)
        XCTAssertEqual(try AppAssignments(store: workspace.store, appID: appID).people().count, 0)
    }

    func test_doneProvisionsWhatWasAssignedWhenTheIntegrationIsConfigured() throws {
        let synced = SyncedApps()
        let runner: SyncRunner = { appID, progress in
            synced.add(appID)
            progress(SyncProgress(done: 1, total: 1, failed: 0))
            return SyncSummary(kind: .complete, headline: "Synced Axiad Cloud: 1 operations sent.")
        }
        let (workspace, appID) = try workspace(configured: true, syncRunner: runner)
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openAssignments + [
            .input(typed("a")), .input(key(.enter)), .input([.paste("zoe.martin")]), .waitFor("Zoë Martin"), .input(key(.enter)),
            .waitFor("Assigned"), .input(key(.escape)), .waitFor("✓ Synced Axiad Cloud"),
            // The rows are read again after the sync, which the table shows once the read is done.
            .waitFor("zoe.martin@example.com"),
        ])
        XCTAssertEqual(synced.apps, [appID])
        XCTAssertTrue(terminal.text.contains("zoe.martin@example.com"), terminal.text)
    }

    func test_rowsSayHeldBackAndConflictWithTheReasonUnderTheSelectedOne() throws {
        // Integration on, Create Users off (the settings' default): nobody is sent, and the rows say why.
        let (workspace, appID) = try workspace(configured: true)
        let assignments = AppAssignments(store: workspace.store, appID: appID)
        try assignments.assign(personLogin: "zoe.martin@example.com")
        let twin = try workspace.store.directory.addPerson(Person(login: "zoe.twin@example.com", firstName: "Zoe", lastName: "Twin", email: "ZOE.MARTIN@example.com"))
        try assignments.assign(personLogin: twin.login)
        try assignments.assign(personLogin: "jose.nunez@example.com")
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openAssignments)
        let lines = terminal.trimmedLines
        let jose = try XCTUnwrap(lines.first { $0.contains("jose.nunez@example.com") }, terminal.text)
        XCTAssertTrue(jose.contains("◐ Held back"), jose)
        for login in ["zoe.martin@example.com", "zoe.twin@example.com"] {
            let row = try XCTUnwrap(lines.first { $0.contains(login) }, terminal.text)
            XCTAssertTrue(row.contains("⚠ Conflict"), row)
        }
        XCTAssertFalse(terminal.text.contains("◌ Pending"), "nobody is left Pending for ever")
        XCTAssertTrue(terminal.text.contains("Create Users is off: not created in the app"), "the selected row's reason:\n\(terminal.text)")
    }
}

/// The app ids a fake sync runner was called for.
final class SyncedApps: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Int64] = []
    var apps: [Int64] { lock.withLock { ids } }
    func add(_ id: Int64) { lock.withLock { ids.append(id) } }

}
