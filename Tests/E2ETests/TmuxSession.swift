import Foundation
import TestSupport
import XCTest

/// A detached tmux session on a server of its own (`-L`), driven with send-keys and read with
/// capture-pane — the way TerminalTests drive the probe, through the same `TmuxCommand`.
final class TmuxSession {
    let socket = "scimdeck-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "console"
    /// Every pane capture taken, in order (a test can check what was ever on screen).
    private(set) var captures: [String] = []

    static func which(_ tool: String) -> String? { TmuxCommand.which(tool) }

    /// Starts `command` in a `columns`×`rows` window.
    init(command: String, columns: Int = 100, rows: Int = 30) throws {
        guard Self.which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        try tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        try TmuxCommand.run(socket: socket, arguments)
    }

    func pane() throws -> String {
        let text = try tmux(["capture-pane", "-p", "-t", name])
        captures.append(text)
        return text
    }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    func type(_ text: String) throws { try tmux(["send-keys", "-t", name, "-l", text]) }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    /// Whether the pane is on the alternate screen (a full-screen program that has not given it back).
    func isOnAlternateScreen() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the pane until `condition` holds (the console redraws asynchronously).
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(10), file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var text = try pane()
        while !condition(text), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            text = try pane()
        }
        XCTAssertTrue(condition(text), "waited for \(what); the pane shows:\n\(text)", file: file, line: line)
        return text
    }
}
