import Foundation
import Provisioning
import Store
import Terminal
import ViewModels
import XCTest

final class AppScreenTests: XCTestCase {
    private func workspaceWithApp(syncRunner: SyncRunner? = nil) throws -> Workspace {
        let workspace = try ConsoleHarness.emptyWorkspace(syncRunner: syncRunner)
        let settings = ProvisioningSettings(appId: 0, apiIntegrationEnabled: true, baseURL: "https://scim.example.com/v2")
        let app = try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud (prod)", provisioning: settings, in: workspace.store)
        try workspace.store.secrets.set(SecretValue("never-shown-token-3f9a"), name: SecretName.apiToken, appId: app.id)
        return workspace
    }

    func test_tabMovesThroughTheTabsAndTheProvisioningTabMasksTheToken() throws {
        // Tab, Tab reaches Provisioning (read from the store as it opens), `i` its Integration section.
        let terminal = try ConsoleHarness(workspace: try workspaceWithApp()).run([key(.enter), key(.tab), key(.tab), typed("i")])
        let text = terminal.text
        XCTAssertTrue(text.contains("│ Settings    │ API Integration"), text)
        XCTAssertTrue(text.contains("│▸ Integration│"), text)
        XCTAssertTrue(text.range(of: #"Base URL\s+https://scim\.example\.com/v2"#, options: .regularExpression) != nil, text)
        XCTAssertTrue(text.range(of: #"API Token\s+••••3f9a"#, options: .regularExpression) != nil, text)
        XCTAssertFalse(terminal.snapshots.contains { $0.contains("never-shown") }, text)
        let toApp = try ConsoleHarness(workspace: try workspaceWithApp()).run([key(.enter), key(.tab), key(.tab)])
        XCTAssertTrue(toApp.text.contains("Provisioning to App"), toApp.text)
        XCTAssertTrue(toApp.text.contains("userName"), toApp.text)
        let log = try ConsoleHarness(workspace: try workspaceWithApp()).run([key(.enter), typed("6")])
        XCTAssertTrue(log.text.contains("No SCIM request sent yet."), log.text)
        let wrapped = try ConsoleHarness(workspace: try workspaceWithApp()).run([key(.enter), key(.backTab)])
        XCTAssertTrue(wrapped.text.contains("No SCIM request sent yet."), "Shift-Tab from General wraps to Log")
    }

    func test_enterOnTheLogOpensTheRequestWithItsBodiesIndented() throws {
        let workspace = try workspaceWithApp()
        let appID = try XCTUnwrap(try workspace.store.apps.all().first?.id)
        _ = try workspace.store.records(RequestLogEntry.self).insert(RequestLogEntry(
            appId: appID, method: "POST", path: "/v2/Users", statusCode: 409, latencyMilliseconds: 31, result: "HTTP 409",
            requestBody: #"{"userName":"jose.nunez@example.com","name":{"givenName":"José"}}"#,
            responseBody: #"{"detail":"userName is taken","status":"409"}"#))
        let terminal = try ConsoleHarness(workspace: workspace).run([key(.enter), typed("6"), key(.enter)])
        let text = terminal.text
        XCTAssertTrue(text.contains("┌ POST /v2/Users"), text)
        XCTAssertTrue(text.contains("Status     409   31 ms   HTTP 409"), text)
        XCTAssertTrue(text.contains(#"    "givenName" : "José""#), "the body is indented JSON:\n\(text)")
        XCTAssertTrue(text.contains(#"    "detail" : "userName is taken","#), text)
        XCTAssertTrue(terminal.trimmedLines[23].contains("Esc close"), terminal.trimmedLines[23])
        let closed = try ConsoleHarness(workspace: workspace).run([key(.enter), typed("6"), key(.enter), key(.escape)])
        XCTAssertFalse(closed.text.contains("Request body"), closed.text)
        XCTAssertTrue(closed.text.contains("⏎ on a request shows it whole"), closed.text)
    }

    func test_deletingAnAppAsksFirstAndCancelKeepsIt() throws {
        let workspace = try workspaceWithApp()
        let asked = try ConsoleHarness(workspace: workspace).run([key(.enter), typed("x")])
        XCTAssertTrue(asked.text.contains("┌ Delete app"), asked.text)
        XCTAssertTrue(asked.text.contains("[ Cancel ]  [ Delete ]"), asked.text)
        try ConsoleHarness(workspace: workspace).run([key(.enter), typed("x"), key(.enter)])
        XCTAssertEqual(try workspace.store.apps.all().count, 1, "Enter on the focused Cancel keeps the app")
        try ConsoleHarness(workspace: workspace).run([key(.enter), typed("x"), key(.escape)])
        XCTAssertEqual(try workspace.store.apps.all().count, 1, "Esc keeps the app")
        let deleted = try ConsoleHarness(workspace: workspace).run([key(.enter), typed("x"), key(.right), key(.enter)])
        XCTAssertEqual(try workspace.store.apps.all().count, 0)
        XCTAssertTrue(deleted.text.contains("✓ Deleted “Axiad Cloud (prod)”."), deleted.text)
        XCTAssertTrue(deleted.text.contains("No apps yet"))
    }

    func test_syncNowStreamsProgressThenSaysWhatItDid() throws {
        // Halfway: the runner reports 2 of 4 and then waits longer than the test looks, so the screen has to
        // go on while it runs: the real runner.
        let slow: SyncRunner = { _, progress in
            progress(SyncProgress(done: 2, total: 4, failed: 0))
            try await Task.sleep(for: .seconds(10))
            return SyncSummary(kind: .complete, headline: "never")
        }
        let midway = try ConsoleHarness(workspace: try workspaceWithApp(syncRunner: slow)).runLive(steps: [.input(key(.enter)), .input(typed("s")), .waitFor("Syncing… 2/4")])
        XCTAssertTrue(midway.text.contains("│ Syncing ██"), midway.text)
        XCTAssertTrue(midway.text.contains("2/4"), midway.text)
        XCTAssertTrue(midway.trimmedLines[23].hasPrefix(" Syncing… 2/4"), midway.trimmedLines[23])

        let quick: SyncRunner = { _, progress in
            progress(SyncProgress(done: 4, total: 4, failed: 0))
            return SyncSummary(kind: .complete, headline: "Synced Axiad Cloud (prod): 4 operations sent.")
        }
        let finished = try ConsoleHarness(workspace: try workspaceWithApp(syncRunner: quick)).run([key(.enter), typed("s")])
        XCTAssertTrue(finished.text.contains("✓ Synced Axiad Cloud (prod): 4 operat…"), finished.text)
        XCTAssertTrue(finished.text.contains("Last sync"), finished.text)
    }

    func test_aRunPausedByTheAppSaysWhatItWaitsFor() throws {
        let paused: SyncRunner = { _, progress in
            progress(SyncProgress(done: 2, total: 4, failed: 0, note: "waiting 60 s: the app asked us to slow down (HTTP 429)"))
            try await Task.sleep(for: .seconds(10))
            return SyncSummary(kind: .complete, headline: "never")
        }
        // The run stays paused: the real runner shows it while it waits.
        let terminal = try ConsoleHarness(workspace: try workspaceWithApp(syncRunner: paused)).runLive(steps: [
            .input(key(.enter)), .input(typed("s")), .waitFor("waiting 60 s"),
        ])
        XCTAssertTrue(terminal.trimmedLines[23].hasPrefix(" Syncing… 2/4 — waiting 60 s: the app ask"), terminal.trimmedLines[23])
    }

    func test_cStopsARunningSyncAndTheSummarySaysWhereItStopped() throws {
        let waitsForStop: SyncRunner = { _, progress in
            progress(SyncProgress(done: 3, total: 10, failed: 0))
            try? await Task.sleep(for: .seconds(60))  // ends at once when `c` cancels the sync
            // The requests in flight take a moment to answer, as a real app's would.
            // (Cancelled, the task's own sleep would end at once: wait on a detached one.)
            await Task.detached { try? await Task.sleep(for: .milliseconds(300)) }.value
            return SyncSummary(kind: .stopped, headline: "Sync of Axiad Cloud (prod) stopped: 3 of 10 operations done; the next sync goes on from there.")
        }
        // `c` has to reach the screen while the sync runs: the real runner.
        let terminal = try ConsoleHarness(workspace: try workspaceWithApp(syncRunner: waitsForStop)).runLive(steps: [
            .input(key(.enter)), .input(typed("s")), .waitFor("Syncing… 3/10"), .input(typed("c")), .waitFor("Last sync"),
        ])
        XCTAssertTrue(terminal.snapshots.contains { $0.contains(" c stop sync ") }, "the status bar offered the key while syncing")
        XCTAssertTrue(terminal.snapshots.contains { $0.contains("Stopping ██") || $0.contains("Stopping █") }, "the bar said it was stopping")
        XCTAssertTrue(terminal.text.contains("⚠ Sync of Axiad Cloud (prod) stopped"), terminal.text)
    }

    func test_syncWithoutARunnerSaysSo() throws {
        let terminal = try ConsoleHarness(workspace: try workspaceWithApp()).run([key(.enter), typed("s")])
        XCTAssertTrue(terminal.text.contains("✗ Sync is not available in this conso…"), terminal.text)
    }

    func test_anErrorToastStaysEightSecondsOnTheClock() throws {
        let harness = ConsoleHarness(workspace: try workspaceWithApp())
        let asked: [ConsoleHarness.Step] = [.input(key(.enter)), .input(typed("s")), .waitFor("✗ Sync is not available")]
        let before = try harness.run(steps: asked + [.advance(.milliseconds(7_999))])
        XCTAssertTrue(before.text.contains("✗ Sync is not available"), before.text)
        let after = try harness.run(steps: asked + [.advance(.seconds(8))])
        XCTAssertFalse(after.text.contains("Sync is not available"), after.text)
    }

    func test_escGoesBackToTheList() throws {
        let terminal = try ConsoleHarness(workspace: try workspaceWithApp()).run([key(.enter), key(.escape)])
        XCTAssertTrue(terminal.text.contains("▸ Axiad Cloud (prod)"))
        XCTAssertTrue(terminal.trimmedLines[0].hasPrefix(" scimdeck ▸ Applications "))
    }
}
