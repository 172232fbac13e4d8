import Foundation
import Store
import TestSupport
import XCTest

/// What an app answers, and what a directory import holds, is untrusted text: through the built
/// binary, an app that echoes the request headers never gets the token printed, logged, journaled
/// or stored (outside its secret), and escape sequences never reach the terminal. Rate limits
/// pause the run, say so, and a run past `--max-wait` gives up with tasks and exit 1.
final class UntrustedAnswerCommandTests: XCTestCase {
    private var server: SCIMServerFixture!
    private var proxy: FaultProxy!
    private var directory: URL!
    private var store: String { directory.appendingPathComponent("store.sqlite").path }
    private var tokenFile: URL { directory.appendingPathComponent("token") }
    private var printed = ""
    private let login = "\u{1B}]0;pwned\u{07}bob@corp.example"
    private let app = "Axiad (untrusted)"

    override func setUpWithError() throws {
        server = try SCIMServerFixture.start()
        proxy = try FaultProxy(upstreamPort: server.port)
        directory = try TestEnvironment.makeTemporaryDirectory("untrusted-cli")
        try Data((server.token + "\n").utf8).write(to: tokenFile)
        try scimdeck(["directory", "add", "person", login, "--first-name", "Bob\u{1B}[2J", "--last-name", "Martin\u{9B}31m", "--email", "bob@corp.example"])
        try scimdeck(["app", "add", "--catalog", "Axiad Cloud", "--label", app])
        try scimdeck(["app", "set", "--app", app, "--base-url", proxy.baseURL.absoluteString, "--token-file", tokenFile.path,
                      "--enable-api-integration", "--create-users", "on"])
        try scimdeck(["assign", "--app", app, "--person", login])
    }

    override func tearDown() {
        proxy?.stop()
        server?.stop()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    @discardableResult
    private func scimdeck(_ arguments: [String], expect status: Int32 = 0, store withStore: Bool = true) throws -> ScimdeckRun {
        let run = try ScimdeckRun.run(arguments + (withStore ? ["--store", store] : []), in: directory)
        printed += run.stdout + run.stderr
        XCTAssertEqual(run.status, status, "scimdeck \(arguments.joined(separator: " ")): \(run.stdout) \(run.stderr)")
        return run
    }

    private func assertNoTerminalControl(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = text.unicodeScalars.filter { ($0.value < 0x20 && $0.value != 0x09 && $0.value != 0x0A) || (0x7F...0x9F).contains($0.value) }
        XCTAssertTrue(bad.isEmpty, "\(what) printed control characters \(bad.map { String($0.value, radix: 16) }): \(text.debugDescription)", file: file, line: line)
    }

    private func occurrences(of needle: Data, in haystack: Data) -> Int {
        var count = 0
        var searchRange = haystack.startIndex..<haystack.endIndex
        while let found = haystack.range(of: needle, in: searchRange) {
            count += 1
            searchRange = found.upperBound..<haystack.endIndex
        }
        return count
    }

    func test_echoedTokenAndEscapeSequencesNeverReachTheTerminalTheLogOrTheStore() throws {
        let listed = try scimdeck(["directory", "list", "people"])
        assertNoTerminalControl(listed.stdout, "directory list")
        XCTAssertTrue(listed.stdout.contains("bob@corp.example"), listed.stdout)
        assertNoTerminalControl(try scimdeck(["plan", "--app", app]).stdout, "plan")

        proxy.inject(.echoHeaders(400), times: 20, method: "POST")
        proxy.inject(.echoHeaders(400), times: 20, method: "GET")
        let synced = try scimdeck(["sync", "--app", app], expect: 1)
        XCTAssertTrue(synced.stdout.contains("Bearer ****"), "the echo is reported, masked: \(synced.stdout)")
        assertNoTerminalControl(synced.stdout + synced.stderr, "sync")
        let tasks = try scimdeck(["tasks", "list", "--app", app])
        XCTAssertTrue(tasks.stdout.contains("HTTP 400"), tasks.stdout)
        assertNoTerminalControl(tasks.stdout, "tasks list")
        let log = try scimdeck(["log", "--app", app])
        assertNoTerminalControl(log.stdout, "log")
        let entries = try XCTUnwrap(try scimdeck(["log", "--app", app, "--json"]).json() as? [[String: Any]])
        for entry in entries {
            let shown = try scimdeck(["log", "--app", app, "--id", String(try XCTUnwrap(entry["id"] as? Int))])
            XCTAssertTrue(shown.stdout.contains("Bearer ****"), shown.stdout)
        }
        let tested = try scimdeck(["scim", "test", "--url", proxy.baseURL.absoluteString, "--token-file", tokenFile.path],
                                  expect: 1, store: false)
        XCTAssertTrue(tested.stdout.contains("Bearer ****"), tested.stdout)
        XCTAssertTrue(proxy.seen.contains { $0.headers.contains("Authorization: Bearer \(server.token)") }, "the app did get the token to echo")

        XCTAssertFalse(printed.contains(server.token), "the API token was printed")

        // The store file: the token nowhere, its secret row holds it sealed. Opening and closing the store checkpoints the WAL.
        _ = try ScimdeckStore(path: store)
        let token = Data(server.token.utf8)
        let main = try Data(contentsOf: URL(fileURLWithPath: store))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: store + "-wal"))) ?? Data()
        XCTAssertEqual(occurrences(of: token, in: main) + occurrences(of: token, in: wal), 0,
                       "the token is in the store's bytes (main file and WAL, \(wal.count) WAL bytes)")
    }

    func test_rateLimitPausesTheRunAndSaysSo() throws {
        proxy.inject(.status(429, headers: ["Retry-After": "1"]), method: "POST")
        let synced = try scimdeck(["sync", "--app", app, "--max-wait", "30s"])
        XCTAssertTrue(synced.stderr.contains("waiting 1 s: the app asked us to slow down (HTTP 429)"), synced.stderr)
        XCTAssertTrue(synced.stdout.contains("create or link user: 1"), synced.stdout)
    }

    func test_runPastMaxWaitGivesUpWithTasksAndExitOne() throws {
        try scimdeck(["directory", "add", "person", "amy@corp.example", "--first-name", "Amy", "--last-name", "Lee", "--email", "amy@corp.example"])
        try scimdeck(["assign", "--app", app, "--person", "amy@corp.example"])
        proxy.inject(.status(429, headers: ["Retry-After": "600"]), times: 5, method: "GET")
        let started = Date()
        let synced = try scimdeck(["sync", "--app", app, "--max-wait", "5s"], expect: 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "the run waited instead of giving up")
        XCTAssertTrue(synced.stdout.contains("past --max-wait 5 s"), synced.stdout)
        let tasks = try XCTUnwrap(try scimdeck(["tasks", "list", "--app", app, "--json"]).json() as? [[String: Any]])
        XCTAssertEqual(tasks.count, 2, "\(tasks)")
        XCTAssertTrue(tasks.allSatisfy { ($0["error"] as? String ?? "").contains("--max-wait") }, "\(tasks)")
    }
}
