import Foundation
import TestSupport
import XCTest

/// A command that fails says why in one line and points at its own `--help`; only a wrong argument
/// gets the usage line, since then the usage is the help. Exit codes stay ArgumentParser's.
final class CLIErrorTests: ConsoleEndToEndCase {
    func test_aFailingCommandPrintsTheErrorAndAPointerToItsHelpNotTheUsage() throws {
        let store = directory.appendingPathComponent("store.sqlite").path
        let sync = try ScimdeckRun.run(["sync", "--store", store, "--app", "nowhere"], in: directory)
        XCTAssertEqual(sync.status, 1)
        let lines = sync.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, sync.stderr)
        XCTAssertTrue(lines.first?.hasPrefix("Error: no app \"nowhere\"") ?? false, sync.stderr)
        XCTAssertEqual(lines.last, "See 'scimdeck sync --help'.")

        let nested = try ScimdeckRun.run(["app", "show", "--store", store, "--app", "nowhere"], in: directory)
        XCTAssertTrue(nested.stderr.hasSuffix("See 'scimdeck app show --help'.\n"), nested.stderr)
        XCTAssertFalse(nested.stderr.contains("Usage:"), nested.stderr)

        // A ValidationError thrown while working keeps its exit code, 64.
        let demo = try ScimdeckRun.run(["demo", "--store", store], in: directory, environment: ["PATH": "/usr/bin:/bin", "HOME": directory.path])
        XCTAssertEqual(demo.status, 64)
        XCTAssertEqual(demo.stderr.split(separator: "\n").last, "See 'scimdeck demo --help'.")
    }

    func test_anArgumentErrorPrintsTheUsageLineAndExits64() throws {
        let run = try ScimdeckRun.run(["sync", "--app", "x", "--no-such-option"], in: directory)
        XCTAssertEqual(run.status, 64)
        XCTAssertTrue(run.stderr.contains("Error: Unknown option '--no-such-option'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Usage: scimdeck sync"), run.stderr)
    }
}
