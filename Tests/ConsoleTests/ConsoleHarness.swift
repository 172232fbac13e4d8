@testable import Console
import Foundation
import Store
import Terminal
import ViewModels
import XCTest

/// Runs the console program on the memory terminal through the real runner (tasks, timers and
/// all), then hands back the last screen. Each inner array is one read of input; an empty one
/// waits for work (a directory load, a sync) to post back.
struct ConsoleHarness {
    var workspace: Workspace
    var size = TerminalSize(columns: 80, rows: 24)
    var offersDemo = true

    init(workspace: Workspace, size: TerminalSize = TerminalSize(columns: 80, rows: 24)) {
        self.workspace = workspace
        self.size = size
    }

    static func emptyWorkspace(demoMaker: (@Sendable () throws -> String)? = nil, syncRunner: SyncRunner? = nil) throws -> Workspace {
        Workspace(store: try ScimdeckStore(), location: "~/.local/share/scimdeck/scimdeck.sqlite", syncRunner: syncRunner, demoMaker: demoMaker)
    }

    /// One step of a script: input to read, or text to wait for on the screen.
    enum Step {
        case input([InputEvent])
        case waitFor(String)
    }

    /// Runs `steps`, each `.waitFor` holding the script until its text is on the screen.
    @discardableResult
    func run(steps: [Step], idleWait: Duration = .milliseconds(300)) throws -> MemoryTerminal {
        var script: [[InputEvent]] = []
        var awaited: [Int: String] = [:]
        for step in steps {
            switch step {
            case .input(let events): script.append(events)
            case .waitFor(let text):
                awaited[script.count] = text
                script.append([])
            }
        }
        let terminal = try run(script, idleWait: idleWait, awaitedText: awaited)
        for missed in terminal.missedAwaits { XCTFail("“\(missed)” never showed on the screen:\n\(terminal.text)") }
        return terminal
    }

    @discardableResult
    func run(_ script: [[InputEvent]], idleWait: Duration = .milliseconds(300), awaitedText: [Int: String] = [:]) throws -> MemoryTerminal {
        // Ctrl-C ends every script, so a test never hangs on a screen that ignores `q`.
        let terminal = MemoryTerminal(size: size, script: script + [[.key(.control("c"))]], idleWait: idleWait)
        terminal.awaitedText = awaitedText
        terminal.awaitLimit = .seconds(20)
        var program = ConsoleProgram(workspace: workspace)
        program.offersDemo = offersDemo
        _ = try ProgramRunner(program: program, driver: terminal, theme: .mono).run()
        return terminal
    }
}

/// Key events for typed text, one read.
func typed(_ text: String) -> [InputEvent] { text.map { .key(.character($0)) } }

func key(_ key: Key) -> [InputEvent] { [.key(key)] }

extension MemoryTerminal {
    var lines: [String] { (0..<screen.height).map { screen.line($0) } }
    var trimmedLines: [String] { lines.map { String($0.reversed().drop { $0 == " " }.reversed()) } }
}
