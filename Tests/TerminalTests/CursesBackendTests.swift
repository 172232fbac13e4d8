import Foundation
import TestSupport
import XCTest

/// The real ncurses backend, driven through tmux: `terminal-probe` (Tests/TerminalProbe)
/// runs in a detached session on its own tmux server; the test sends keys and reads
/// the pane back. Skipped when tmux or the probe binary is missing.
final class CursesBackendTests: XCTestCase {
    private var socket = ""

    override func tearDown() {
        if !socket.isEmpty { _ = try? tmux(["kill-server"]) }
        super.tearDown()
    }

    private static func probePath() -> String? {
        // The test bundle sits beside the products of the same build.
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().path,
            Bundle.main.bundleURL.path,
            Bundle.main.bundleURL.deletingLastPathComponent().path,
        ] + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().path }
        return candidates.map { $0 + "/terminal-probe" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func which(_ tool: String) -> String? { TmuxCommand.which(tool) }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try TmuxCommand.run(socket: socket, arguments)
    }

    private func pane() throws -> String { try tmux(["capture-pane", "-p", "-t", "probe"]) }

    /// Polls the pane until `condition` holds (the probe redraws asynchronously).
    @discardableResult
    private func waitForPane(timeout: Duration = .seconds(5), _ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var text = try pane()
        while !condition(text), ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            text = try pane()
        }
        XCTAssertTrue(condition(text), "waited for \(what); the pane shows:\n\(text)")
        return text
    }

    /// Starts the probe in a 100×30 session; after it exits the shell prints its status.
    @discardableResult
    /// `locale` nil runs the probe with no LANG, LC_ALL or LC_CTYPE at all.
    private func startProbe(environment: String = "", locale: String? = "C.UTF-8") throws -> String {
        guard Self.which("tmux") != nil else { throw XCTSkip("tmux is not installed") }
        guard let probe = Self.probePath() else { throw XCTSkip("terminal-probe was not built (swift build --build-tests builds it)") }
        socket = "scimdeck-term-\(getpid())-\(UUID().uuidString.prefix(8))"
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).pid").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: pidFile) }
        let localeSetting = locale.map { "LANG=\($0)" } ?? ""
        let command = "env -u LANG -u LC_ALL -u LC_CTYPE TERM=xterm-256color \(localeSetting) PROBE_PID_FILE=\(pidFile) \(environment) \(probe); echo \"EXITED $?\"; sleep 30"
        try tmux(["new-session", "-d", "-s", "probe", "-x", "100", "-y", "30", command])
        try waitForPane("the first frame") { $0.contains("scimdeck ▸ Applications ▸ Probe") }
        return pidFile
    }

    func test_theProbeDrawsWideCharactersAndTakesKeys() throws {
        try startProbe()
        var text = try pane()
        XCTAssertTrue(text.contains("│  李小龙                         xiaolong.li@corp.com"), text)
        XCTAssertTrue(text.contains("Zoë Ødegaard 🎉"), text)
        try tmux(["send-keys", "-t", "probe", "Down", "Down"])
        text = try waitForPane("the selection on the third row") { $0.contains("row: Zoë Ødegaard 🎉") }
        XCTAssertTrue(text.contains("│▸ Zoë Ødegaard 🎉"), text)
        XCTAssertTrue(text.contains("key: ↓"), text)
        try tmux(["send-keys", "-t", "probe", "BTab"])
        try waitForPane("Shift-Tab decoded") { $0.contains("key: Shift-Tab") }
        try tmux(["send-keys", "-t", "probe", "F5"])
        try waitForPane("F5 decoded") { $0.contains("key: F5") }
        try tmux(["send-keys", "-t", "probe", "C-a"])
        try waitForPane("Ctrl-A decoded") { $0.contains("key: Ctrl-A") }
    }

    func test_theMaskedFieldNeverShowsTheTypedSecret() throws {
        try startProbe()
        try tmux(["send-keys", "-t", "probe", "Tab"])
        try tmux(["send-keys", "-t", "probe", "-l", "José"])
        try waitForPane("the name typed") { $0.contains("Name        José") }
        try tmux(["send-keys", "-t", "probe", "Tab"])
        try tmux(["send-keys", "-t", "probe", "-l", "hunter2"])
        let text = try waitForPane("seven bullets") { $0.contains("API Token   •••••••") }
        XCTAssertFalse(text.contains("hunter2"), text)
        XCTAssertFalse(text.contains("hunter"), text)
    }

    func test_aBracketedPasteArrivesAsOnePaste() throws {
        try startProbe()
        try tmux(["send-keys", "-t", "probe", "Tab"])
        try tmux(["set-buffer", "-b", "clip", "Zoë 李 pasted"])
        try tmux(["paste-buffer", "-p", "-b", "clip", "-t", "probe"])
        let text = try waitForPane("the paste in the name field") { $0.contains("pastes: 1") }
        XCTAssertTrue(text.contains("Name        Zoë 李 pasted"), text)
    }

    func test_aBadThemeIsNamedWithItsKeyOnceTheScreenIsRestored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("probe-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        try "[header]\nfg = \"blu\"\n".write(to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
        try startProbe(environment: "SCIMDECK_THEMES=\(directory.path) PROBE_THEME=broken")
        try tmux(["send-keys", "-t", "probe", "Escape"])
        let text = try waitForPane("the exit status") { $0.contains("EXITED 0") }
        let flat = text.replacingOccurrences(of: "\n", with: "")
        XCTAssertTrue(flat.contains("broken.toml:2: [header] fg: \"blu\" is not a colour"), text)
        XCTAssertTrue(flat.contains("using the default theme"), text)
    }

    func test_withNoLocaleSetNonASCIIIsStillDrawn() throws {
        try startProbe(locale: nil)
        let text = try pane()
        XCTAssertTrue(text.contains("│  李小龙 "), text)
        XCTAssertTrue(text.contains("┌ People ─"), text)
    }

    func test_ctrlZGivesTheShellItsPromptAndFgBringsTheScreenBack() throws {
        guard Self.which("tmux") != nil, Self.which("bash") != nil else { throw XCTSkip("tmux and bash are needed") }
        guard let probe = Self.probePath() else { throw XCTSkip("terminal-probe was not built") }
        socket = "scimdeck-term-\(getpid())-\(UUID().uuidString.prefix(8))"
        // An interactive shell, so there is job control to stop and continue the probe.
        try tmux(["new-session", "-d", "-s", "probe", "-x", "100", "-y", "30", "env PS1='$ ' bash --norc --noprofile -i"])
        try waitForPane("the prompt") { $0.contains("$") }
        try tmux(["send-keys", "-t", "probe", "-l", "TERM=xterm-256color LANG=C.UTF-8 \(probe); echo \"EXITED $?\""])
        try tmux(["send-keys", "-t", "probe", "Enter"])
        try waitForPane("the first frame") { $0.contains("scimdeck ▸ Applications ▸ Probe") }
        try tmux(["send-keys", "-t", "probe", "C-z"])
        let stopped = try waitForPane("the job stopped") { $0.contains("Stopped") }
        XCTAssertFalse(stopped.contains("scimdeck ▸"), stopped)
        try tmux(["send-keys", "-t", "probe", "-l", "fg"])
        try tmux(["send-keys", "-t", "probe", "Enter"])
        let back = try waitForPane("the screen back") { $0.contains("scimdeck ▸ Applications ▸ Probe") && $0.contains("key: none") }
        XCTAssertTrue(back.contains("│  李小龙 "), back)
        try tmux(["send-keys", "-t", "probe", "Down"])
        try waitForPane("keys work again") { $0.contains("key: ↓") }
        try tmux(["send-keys", "-t", "probe", "Escape"])
        // The shell ran `echo EXITED` when the job stopped; after `fg` only the probe reports.
        try waitForPane("the probe's exit") { $0.contains("probe exited with 0") }
    }

    func test_mouseClicksSelectATabAndARow() throws {
        try startProbe()
        // What a terminal sends for a left click in SGR mouse mode (1-based column;row).
        try tmux(["send-keys", "-t", "probe", "-l", "\u{1B}[<0;13;2M\u{1B}[<0;13;2m"])
        try waitForPane("the Sign On tab chosen") { $0.contains("tab: Sign On") }
        try tmux(["send-keys", "-t", "probe", "-l", "\u{1B}[<0;10;7M\u{1B}[<0;10;7m"])
        let text = try waitForPane("the third row chosen") { $0.contains("row: Zoë Ødegaard 🎉") }
        XCTAssertTrue(text.contains("│▸ Zoë Ødegaard 🎉"), text)
    }

    func test_resizeRedrawsAndATooSmallWindowShowsTheNotice() throws {
        try startProbe()
        try tmux(["resize-window", "-t", "probe", "-x", "90", "-y", "26"])
        try waitForPane("the new size in the header") { $0.contains("size 90×26") }
        try tmux(["resize-window", "-t", "probe", "-x", "60", "-y", "20"])
        try waitForPane("the notice") { $0.contains("Make the window larger") && $0.contains("this one is 60×20.") }
        try tmux(["resize-window", "-t", "probe", "-x", "100", "-y", "30"])
        let text = try waitForPane("the screen back") { $0.contains("size 100×30") }
        XCTAssertFalse(text.contains("Make the window larger"), text)
    }

    func test_escapeQuitsAndTheTerminalIsRestored() throws {
        try startProbe()
        try tmux(["send-keys", "-t", "probe", "Escape"])
        let text = try waitForPane("the exit status") { $0.contains("EXITED 0") }
        XCTAssertTrue(text.contains("probe exited with 0"), text)
        XCTAssertFalse(text.contains("scimdeck ▸"), "the alternate screen is gone:\n\(text)")
        let flags = try tmux(["display-message", "-p", "-t", "probe", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(flags.trimmingCharacters(in: .whitespacesAndNewlines), "0 1", "normal screen, cursor visible")
    }

    func test_ctrlCQuitsWithStatus130AndRestoresTheTerminal() throws {
        try startProbe()
        try tmux(["send-keys", "-t", "probe", "C-c"])
        try waitForPane("the exit status") { $0.contains("EXITED 130") }
        let flags = try tmux(["display-message", "-p", "-t", "probe", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(flags.trimmingCharacters(in: .whitespacesAndNewlines), "0 1")
    }

    func test_sigtermRestoresTheTerminal() throws {
        let pidFile = try startProbe()
        let pid = try XCTUnwrap(Int32((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? ""))
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        let text = try waitForPane("the exit status") { $0.contains("EXITED 143") }
        XCTAssertFalse(text.contains("scimdeck ▸"), text)
        let flags = try tmux(["display-message", "-p", "-t", "probe", "#{alternate_on} #{cursor_flag}"])
        XCTAssertEqual(flags.trimmingCharacters(in: .whitespacesAndNewlines), "0 1")
    }

    func test_noColorRunsTheProbeWithoutColour() throws {
        try startProbe(environment: "NO_COLOR=1")
        let styled = try tmux(["capture-pane", "-p", "-e", "-t", "probe"])
        // With colour the header is drawn with 38;5 / 48;5 (or 38;2) sequences; without, none.
        XCTAssertFalse(styled.contains("38;5;") || styled.contains("48;5;") || styled.contains("38;2;"), styled)
        XCTAssertTrue(styled.contains("\u{1B}[7m") || styled.contains(";7m") || styled.contains("[1;7m"), "reverse video stands in for colour")
    }
}
