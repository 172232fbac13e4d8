import Foundation
import GRDB
import TestSupport
import XCTest

/// The console and a CLI sync of one app at once: the console does not start a second run, says
/// who holds the app, and syncs once the other run is done. Nothing is created twice.
final class SyncElsewhereTmuxTests: ConsoleEndToEndCase {
    func test_consoleSaysSyncingElsewhereWhileACLISyncHoldsTheApp() throws {
        let server: SCIMServerFixture
        do {
            server = try SCIMServerFixture.start()
        } catch {
            throw XCTSkip("scim2-server is not available (scripts/setup.sh --test): \(error)")
        }
        defer { server.stop() }
        let store = directory.appendingPathComponent("store.sqlite").path
        let tokenFile = directory.appendingPathComponent("token")
        _ = FileManager.default.createFile(atPath: tokenFile.path, contents: Data(server.token.utf8), attributes: [.posixPermissions: 0o600])
        let csv = directory.appendingPathComponent("people.csv").path
        try cli(["directory", "generate", "--people", "1500", "--groups", "10", "--seed", "5", "-o", csv])
        try cli(["directory", "import", csv, "--store", store])
        try cli(["app", "add", "--catalog", "Axiad Cloud", "--label", "Axiad", "--store", store])
        try cli(["app", "set", "--app", "Axiad", "--base-url", server.baseURL.absoluteString, "--token-file", tokenFile.path,
                 "--enable-api-integration", "--create-users", "on", "--update-users", "on", "--deactivate-users", "on", "--store", store])
        let groups = try Self.storeReader(store).read { db in try String.fetchAll(db, sql: "SELECT name FROM directoryGroup ORDER BY id") }
        try cli(["assign", "--app", "Axiad", "--store", store] + groups.flatMap { ["--group", $0] })
        try cli(["push", "add", "--app", "Axiad", "--store", store] + groups.flatMap { ["--group", $0] })

        let tmux = try TmuxSession(command: try consoleCommand(store: store), columns: 200, rows: 30)
        try tmux.waitFor("the app list") { $0.contains("▸ Axiad") }
        try tmux.keys("Enter")
        try tmux.waitFor("the app") { $0.contains("General │ Sign On") }

        let background = try ScimdeckBackgroundRun(["sync", "--app", "Axiad", "--store", store], in: directory)
        let deadline = Date().addingTimeInterval(30)
        while try Self.storeReader(store).read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM appRunLock") ?? 0 }) == 0 {
            guard Date() < deadline, background.isRunning else { return XCTFail("the CLI sync never took the app") }
            usleep(5_000)
        }
        try tmux.keys("s")
        let refused = try tmux.waitFor("the console refusing a second run") { $0.contains("Syncing elsewhere") }
        XCTAssertTrue(refused.contains("scimdeck sync (pid \(background.process.processIdentifier))"), refused)

        background.process.waitUntilExit()
        XCTAssertEqual(background.process.terminationStatus, 0)
        try tmux.keys("s")
        try tmux.waitFor("the console's own sync", timeout: .seconds(60)) { $0.contains("Nothing to send: Axiad matches the directory") }
        try tmux.keys("q", "q")

        let counts = try Self.storeReader(store).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM remoteLink WHERE kind = 'group'") ?? 0
        }
        XCTAssertEqual(counts, groups.count)
        let plan = try cli(["plan", "--app", "Axiad", "--store", store])
        XCTAssertTrue(plan.stdout.contains("nothing to send"), plan.stdout)
        let listed = try cli(["scim", "get", "/Groups?count=1000", "--url", server.baseURL.absoluteString, "--token-file", tokenFile.path])
        let names = ((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])?["Resources"] as? [[String: Any]] ?? [])
            .compactMap { $0["displayName"] as? String }
        XCTAssertEqual(names.sorted(), groups.sorted(), "each pushed group once")
    }

    /// A reader beside the running CLI sync: it waits for the sync's write to finish instead of
    /// failing with "database is locked".
    private static func storeReader(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

}
