@testable import Terminal
import Foundation
import XCTest

final class ProgramRunnerTests: XCTestCase {
    private let size = TerminalSize(columns: 80, rows: 24)

    /// Runs the counter on a memory terminal; an empty batch in `script` waits up to
    /// `idleWait` for work or a timer.
    private func run(_ script: [[InputEvent]], signal: Int32? = nil, idleWait: Duration = .milliseconds(300)) throws -> (ExitReason, MemoryTerminal, ProgramRunner<CounterProgram>) {
        let terminal = MemoryTerminal(size: size, script: script, idleWait: idleWait)
        terminal.pendingSignal = signal
        let runner = ProgramRunner(program: CounterProgram(), driver: terminal, theme: .mono)
        let reason = try runner.run()
        return (reason, terminal, runner)
    }

    func test_keysUpdateTheModelAndTheScreenShowsIt() throws {
        let (reason, terminal, _) = try run([[.key(.character("+"))], [.key(.character("+")), .key(.character("x"))], [.key(.character("q"))]])
        XCTAssertEqual(reason, .quit)
        XCTAssertEqual(reason.exitStatus, 0)
        XCTAssertEqual(terminal.screen.line(0).trimmingTrailingSpaces, "count: 2")
        XCTAssertEqual(terminal.screen.line(1).trimmingTrailingSpaces, "key x")
        XCTAssertTrue(terminal.wasStopped, "the terminal is given back")
    }

    func test_onlyTheCellsThatChangedAreWritten() throws {
        let (_, terminal, _) = try run([[.key(.character("+"))], [.key(.character("q"))]])
        XCTAssertEqual(terminal.snapshots.count, 2)
        XCTAssertEqual(terminal.totalWriteCount, 80 * 24 + 1, "a full first frame, then only the digit")
        XCTAssertEqual(terminal.lastWriteCount, 1)
    }

    func test_aWakeUpWithNothingToDoDoesNotRedraw() throws {
        let (_, terminal, runner) = try run([[.key(.character("+"))], [], [], [.key(.character("q"))]], idleWait: .milliseconds(20))
        XCTAssertEqual(runner.frameCount, 2, "the two idle waits changed nothing")
        XCTAssertEqual(terminal.snapshots.count, 2)
    }

    func test_workRunsOffTheLoopAndPostsItsResultBack() throws {
        let (_, terminal, _) = try run([[.key(.character("w"))], [], [.key(.character("q"))]])
        XCTAssertEqual(terminal.screen.line(1).trimmingTrailingSpaces, "work 42")
    }

    func test_streamedProgressArrivesInOrder() throws {
        let (_, terminal, _) = try run([[.key(.character("s"))], [], [], [], [.key(.character("q"))]])
        let lines = (1...3).map { terminal.screen.line($0).trimmingTrailingSpaces }
        XCTAssertEqual(lines, ["step 1", "step 2", "step 3"])
    }

    func test_aTimerDeliversItsMessageWhenDue() throws {
        let (_, terminal, _) = try run([[.key(.character("t"))], [], [.key(.character("q"))]])
        XCTAssertEqual(terminal.screen.line(1).trimmingTrailingSpaces, "tick")
    }

    func test_ctrlCInterruptsAndRestoresTheTerminal() throws {
        let (reason, terminal, _) = try run([[.key(.control("c"))]])
        XCTAssertEqual(reason, .interrupted)
        XCTAssertEqual(reason.exitStatus, 130)
        XCTAssertTrue(terminal.wasStopped)
    }

    func test_sigtermStopsTheLoopAndRestoresTheTerminal() throws {
        let (reason, terminal, _) = try run([[.key(.character("+"))]], signal: 15)
        XCTAssertEqual(reason, .signal(15))
        XCTAssertEqual(reason.exitStatus, 143)
        XCTAssertTrue(terminal.wasStopped)
    }

    func test_ctrlZSuspendsAndTheWholeScreenIsDrawnAgainAfter() throws {
        let (reason, terminal, _) = try run([[.key(.control("z"))], [.key(.character("q"))]])
        XCTAssertEqual(reason, .quit)
        XCTAssertEqual(terminal.suspendCount, 1)
        XCTAssertEqual(terminal.snapshots.count, 2)
        XCTAssertEqual(terminal.lastWriteCount, 80 * 24, "the shell wrote over the screen: every cell again")
    }

    func test_aFailingProgramRestoresTheTerminalThenThrowsItsMessage() throws {
        let terminal = MemoryTerminal(size: size, script: [[.key(.character("f"))]])
        let runner = ProgramRunner(program: CounterProgram(), driver: terminal, theme: .mono)
        XCTAssertThrowsError(try runner.run()) { error in
            XCTAssertEqual(error as? TerminalError, .programFailed("the store could not be opened: disk full"))
        }
        XCTAssertTrue(terminal.wasStopped)
    }

    func test_aScriptThatNeverQuitsFailsInsteadOfHanging() {
        let terminal = MemoryTerminal(size: size, script: [[.key(.character("+"))]])
        let runner = ProgramRunner(program: CounterProgram(), driver: terminal, theme: .mono)
        XCTAssertThrowsError(try runner.run()) { error in
            XCTAssertEqual(error as? TerminalError, .scriptEnded)
        }
        XCTAssertTrue(terminal.wasStopped)
    }

    func test_aSmallWindowShowsANoticeAndComesBackWhenLarger() throws {
        let small = TerminalSize(columns: 60, rows: 20)
        let (_, terminal, _) = try run([[.resize(small)], [.resize(size)], [.key(.character("q"))]])
        XCTAssertEqual(terminal.snapshots.count, 3)
        let notice = terminal.snapshots[1].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        XCTAssertEqual(notice, ["Make the window larger", "scimdeck needs 80×24;", "this one is 60×20.", "q quits"])
        XCTAssertEqual(terminal.screen.line(0).trimmingTrailingSpaces, "count: 0")
        XCTAssertEqual(terminal.screen.size, size)
    }

    func test_qQuitsFromTheSizeNotice() throws {
        let (reason, _, _) = try run([[.resize(TerminalSize(columns: 40, rows: 10))], [.key(.character("q"))]])
        XCTAssertEqual(reason, .quit)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
