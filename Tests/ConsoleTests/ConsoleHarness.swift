@testable import Console
import Foundation
import Store
import Terminal
import ViewModels
import XCTest

/// Drives the console program on a screen of `size` and hands back the last screen. Most tests
/// step it (`run`): no runner and no clock; each read of input is handled and the work it starts
/// (a store read, a search, a test against a real server) runs to its end before the next read;
/// timers (toasts, the spinner) never fire. A test whose work must go on while the screen does
/// (a sync in progress, `c` stopping it) runs it on the real runner instead (`runLive`).
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

    /// One step of a script: a read of input, text that must be on the screen by then, or time
    /// passing on the stepper's clock (the timers it brings due fire: a toast goes away).
    enum Step {
        case input([InputEvent])
        case waitFor(String)
        case advance(Duration)
    }

    private var program: ConsoleProgram {
        var program = ConsoleProgram(workspace: workspace)
        program.offersDemo = offersDemo
        return program
    }

    /// Steps through `steps`. Work has run to its end after each read, so a `.waitFor` text is
    /// on the screen then or never: a missing one fails the test at once, with the screen.
    @discardableResult
    func run(steps: [Step], file: StaticString = #filePath, line: UInt = #line) throws -> some ScreenCapture {
        let stepper = ProgramStepper(program: program, size: size, theme: .mono)
        for step in steps {
            switch step {
            case .input(let events):
                stepper.send(events)
            case .waitFor(let text):
                if !stepper.text.contains(text) { XCTFail("“\(text)” is not on the screen:\n\(stepper.text)", file: file, line: line) }
            case .advance(let duration):
                stepper.advance(by: duration)
            }
        }
        for work in stepper.stalledWork { XCTFail("work \(work) did not end", file: file, line: line) }
        if let failure = stepper.failure { throw TerminalError.programFailed(failure) }
        return stepper
    }

    /// Steps through `reads`, each one read of input.
    @discardableResult
    func run(_ reads: [[InputEvent]], file: StaticString = #filePath, line: UInt = #line) throws -> some ScreenCapture {
        try run(steps: reads.map { .input($0) }, file: file, line: line)
    }

    /// Runs `steps` on the real runner (tasks, timers and all) on the memory terminal; each `.waitFor`
    /// holds the script until its text is on the screen (20 s at most), and Ctrl-C ends it. Real time
    /// is not waited out: an `.advance` step fails the test.
    @discardableResult
    func runLive(steps: [Step], file: StaticString = #filePath, line: UInt = #line) throws -> some ScreenCapture {
        var script: [[InputEvent]] = []
        var awaited: [Int: String] = [:]
        for step in steps {
            switch step {
            case .input(let events): script.append(events)
            case .waitFor(let text):
                awaited[script.count] = text
                script.append([])
            case .advance:
                XCTFail("the real runner keeps real time: step the test to move a clock", file: file, line: line)
            }
        }
        let terminal = MemoryTerminal(size: size, script: script + [[.key(.control("c"))]])
        terminal.awaitedText = awaited
        terminal.awaitLimit = .seconds(20)
        _ = try ProgramRunner(program: program, driver: terminal, theme: .mono).run()
        for missed in terminal.missedAwaits { XCTFail("“\(missed)” never showed on the screen:\n\(terminal.text)", file: file, line: line) }
        return terminal
    }
}

/// Key events for typed text, one read.
func typed(_ text: String) -> [InputEvent] { text.map { .key(.character($0)) } }

func key(_ key: Key) -> [InputEvent] { [.key(key)] }
