import Foundation
import TestSupport
import XCTest

/// The real `scimdeck` binary on the ncurses backend in tmux: the newcomer's first minutes.
final class ConsoleTmuxTests: ConsoleEndToEndCase {
    /// Runs the console; when it exits the shell prints its status and lingers so the pane can be read.
    private func start(environment: String = "", columns: Int = 100, rows: Int = 30) throws -> (TmuxSession, String) {
        let store = directory.appendingPathComponent("store.sqlite").path
        return (try TmuxSession(command: try consoleCommand(store: store, environment: environment), columns: columns, rows: rows), store)
    }

    func test_addAxiadCloudFromTheCatalogResizeAndQuitRestoresTheTerminal() throws {
        let (tmux, store) = try start()
        try tmux.waitFor("the Applications list") { $0.contains("scimdeck ▸ Applications") && $0.contains("No apps yet") }
        XCTAssertTrue(try tmux.isOnAlternateScreen())
        try tmux.keys("b")
        try tmux.waitFor("the catalog") { $0.contains("Browse App Integration Catalog") && $0.contains("Generic SCIM 2.0") }
        try tmux.type("axi")
        try tmux.waitFor("the search narrowed") { $0.contains("Search axi") && !$0.contains("Generic SCIM 2.0") }
        try tmux.keys("Enter")
        try tmux.waitFor("the label form") { $0.contains("Application label  Axiad Cloud") }
        try tmux.keys("C-u")
        try tmux.type("Axiad Cloud (prod) 李")
        try tmux.keys("Enter")
        let tabs = try tmux.waitFor("the new app on its tabs") { $0.contains("General │ Sign On │ Provisioning │ Assignments │ Push Groups │ Log") }
        XCTAssertTrue(tabs.contains("Application label        Axiad Cloud (prod) 李"), tabs)
        try tmux.keys("Escape")
        try tmux.waitFor("the app in the list") { $0.contains("▸ Axiad Cloud (prod) 李") && $0.contains("○ Not configured") }

        try tmux.resize(columns: 80, rows: 24)
        let small = try tmux.waitFor("the 80×24 layout") { $0.split(separator: "\n").first?.count ?? 0 <= 80 && $0.contains("q quit") }
        XCTAssertTrue(small.contains("▸ Axiad Cloud (prod)"), small)
        try tmux.resize(columns: 60, rows: 20)
        try tmux.waitFor("the too-small notice") { $0.contains("Make the window larger") }
        try tmux.resize(columns: 120, rows: 30)
        try tmux.waitFor("the list back") { $0.contains("▸ Axiad Cloud (prod) 李") }

        try tmux.keys("q")
        let after = try tmux.waitFor("the exit status") { $0.contains("EXITED 0") }
        XCTAssertFalse(try tmux.isOnAlternateScreen(), "the alternate screen was left")
        XCTAssertFalse(after.contains("scimdeck ▸ Applications"), "the shell's screen is back, the console's is gone:\n\(after)")

        // What the console stored is what the CLI sees.
        let listed = try ScimdeckRun.run(["app", "list", "--store", store, "--json"], in: directory)
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("Axiad Cloud (prod) 李"), listed.stdout)
    }

    func test_paletteQuitAndCtrlCBothGiveTheTerminalBack() throws {
        let (tmux, _) = try start()
        try tmux.waitFor("the first frame") { $0.contains("scimdeck ▸ Applications") }
        try tmux.keys(":")
        try tmux.type("quit")
        try tmux.keys("Enter")
        try tmux.waitFor("the exit status") { $0.contains("EXITED 0") }
        XCTAssertFalse(try tmux.isOnAlternateScreen())

        let (second, _) = try start()
        try second.waitFor("the first frame") { $0.contains("scimdeck ▸ Applications") }
        try second.keys("C-c")
        try second.waitFor("the interrupted status") { $0.contains("EXITED 130") }
        XCTAssertFalse(try second.isOnAlternateScreen())
    }

    /// The demo as `make run` offers it, against a real scim2-server: create, open, sync, read the Log.
    func test_theDemoProvisionsToARealServerWhenSIsPressed() throws {
        let server: SCIMServerFixture
        do {
            server = try SCIMServerFixture.start()
        } catch {
            throw XCTSkip("scim2-server is not available (scripts/setup.sh --test): \(error)")
        }
        defer { server.stop() }
        let tokenFile = directory.appendingPathComponent("token")
        _ = FileManager.default.createFile(atPath: tokenFile.path, contents: Data(server.token.utf8), attributes: [.posixPermissions: 0o600])
        let sample = TestEnvironment.packageRoot.appendingPathComponent("Samples/directory.csv").path
        let (tmux, _) = try start(environment: "SCIMDECK_DEMO_BASE_URL=\(server.baseURL.absoluteString) SCIMDECK_DEMO_TOKEN_FILE=\(tokenFile.path) SCIMDECK_DEMO_DIRECTORY=\(sample)")
        try tmux.waitFor("the demo offer") { $0.contains("Demo workspace") && $0.contains("[ Create demo ]") }
        try tmux.keys("Enter")
        try tmux.waitFor("the demo app") { $0.contains("▸ Axiad Cloud (demo)") && $0.contains("● Active") }
        try tmux.keys("Enter")
        try tmux.waitFor("the app") { $0.contains("General │ Sign On") }
        try tmux.keys("s")
        try tmux.waitFor("the sync done", timeout: .seconds(60)) { $0.contains("✓ Synced Axiad Cloud (demo)") }
        try tmux.keys("6")
        let log = try tmux.waitFor("the request log") { $0.contains("POST") && $0.contains("/v2/Users") }
        XCTAssertTrue(log.contains("201"), log)
        try tmux.keys("Escape")
        try tmux.waitFor("the linked users counted") { $0.range(of: #"● Active\s+[1-9][0-9]*\s+1"#, options: .regularExpression) != nil }
        try tmux.keys("q")
        try tmux.waitFor("the exit status") { $0.contains("EXITED 0") }
    }
}
