import Foundation
import TestSupport
import XCTest

/// What every end-to-end test of the real binary needs: a directory of its own (removed after),
/// the built `scimdeck`, the CLI run in that directory, and the console's command line for tmux
/// (its exit status printed, the pane kept open so it can be read).
class ConsoleEndToEndCase: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try TestEnvironment.makeTemporaryDirectory("scimdeck-e2e")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
        super.tearDown()
    }

    func binary() throws -> String {
        let path = TestEnvironment.scimdeckBinary.path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("scimdeck was not built (swift build --build-tests builds it)") }
        return path
    }

    @discardableResult
    func cli(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ScimdeckRun {
        let run = try ScimdeckRun.run(arguments, in: directory)
        XCTAssertEqual(run.status, 0, "scimdeck \(arguments.joined(separator: " ")): \(run.stderr)", file: file, line: line)
        return run
    }

    /// The console on `store` in a UTF-8 terminal, with `environment` (`NAME=value …`) added.
    func consoleCommand(store: String, environment: String = "") throws -> String {
        "env -u LANG -u LC_ALL TERM=xterm-256color LANG=C.UTF-8 \(environment) \(try binary()) --store \(store); echo \"EXITED $?\"; sleep 60"
    }
}
