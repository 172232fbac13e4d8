import Foundation
import XCTest

/// A detached tmux session on a server of its own (`-L`), driven with send-keys and read with
/// capture-pane — the way TerminalTests drive the probe. tmux is spawned with posix_spawn and its
/// output goes to a file: Foundation's `Process` never saw the client exit once `new-session`
/// had forked the server.
final class TmuxSession {
    let socket = "scimdeck-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let name = "console"

    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts `command` in a `columns`×`rows` window.
    init(command: String, columns: Int = 100, rows: Int = 30) throws {
        guard Self.which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        try tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), command])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let tool = Self.which("tmux") ?? "/usr/bin/tmux"
        let argv = [tool, "-L", socket, "-f", "/dev/null"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tool, &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw TmuxError(reason: "posix_spawn tmux failed with \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    func pane() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

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

struct TmuxError: Error {
    var reason: String
}
