@testable import Terminal
import XCTest

/// The stepper drives a program with no runner and no clock: work runs to its end within the
/// read that started it, in the order it was started; timers wait until the test fires them.
final class ProgramStepperTests: XCTestCase {
    private func stepper(_ program: WorkProgram = WorkProgram(), size: TerminalSize = .minimum) -> ProgramStepper<WorkProgram> {
        ProgramStepper(program: program, size: size, theme: .mono)
    }

    private func keys(_ text: String) -> [InputEvent] { text.map { .key(.character($0)) } }

    /// The notes on the screen, one a line under the title.
    private func notes(_ stepper: ProgramStepper<WorkProgram>) -> [String] {
        Array(stepper.trimmedLines.dropFirst().prefix { !$0.isEmpty })
    }

    func test_theFirstFrameIsDrawnAtStartAndKeysShowOnTheScreen() {
        let stepper = stepper()
        XCTAssertEqual(stepper.trimmedLines[0], "notes: 0")
        XCTAssertEqual(stepper.lines[0].count, 80, "lines keep the padding; trimmedLines drop it")
        stepper.send([.key(.character("z")), .key(.enter)])
        XCTAssertEqual(notes(stepper), ["key z", "key ⏎"])
        XCTAssertTrue(stepper.text.hasPrefix("notes: 2 "), stepper.text)
        XCTAssertEqual(stepper.snapshots.count, 2, "one frame at start, one for the read")
    }

    func test_workAskedForAtStartHasRunWhenTheStepperIsMade() {
        XCTAssertEqual(notes(stepper(WorkProgram(startsWithWork: true))), ["loaded"])
    }

    func test_realBackgroundWorkEndsWithinTheReadThatStartedIt() {
        let stepper = stepper()
        stepper.send(keys("a"))
        XCTAssertEqual(notes(stepper), ["answer 5050"])
        XCTAssertTrue(stepper.stalledWork.isEmpty)
    }

    func test_aStreamsMessagesArriveInOrderEachInAFrame() {
        let stepper = stepper()
        stepper.send(keys("s"))
        XCTAssertEqual(notes(stepper), ["step 1", "step 2", "step 3"])
        XCTAssertEqual(stepper.snapshots.count, 5, "start, the read, then a frame per message")
        XCTAssertTrue(stepper.snapshots[3].contains("step 2") && !stepper.snapshots[3].contains("step 3"), "the half-way screen is kept")
    }

    func test_workRunsInTheOrderItWasStartedAndWorkItStartsComesAfter() {
        let stepper = stepper()
        stepper.send(keys("c"))
        XCTAssertEqual(notes(stepper), ["chained 1", "second", "chained 2"])
        stepper.send(keys("cs"))
        XCTAssertEqual(notes(stepper).suffix(6), ["chained 1", "second", "step 1", "step 2", "step 3", "chained 2"])
    }

    func test_workWaitsForTheEndOfTheReadSoALaterKeyInItMeetsTheScreenBeforeTheAnswer() {
        let stepper = stepper()
        stepper.send(keys("az"))
        XCTAssertEqual(notes(stepper), ["key z", "answer 5050"])
    }

    func test_cancelledWorkStillRunsButSeesItIsCancelled() {
        let stepper = stepper()
        stepper.send(keys("jx"))
        XCTAssertEqual(notes(stepper), ["job cancelled"])
        XCTAssertEqual(stepper.cancelledWork, ["job"])
        // Newer work with the same id replaces (cancels) the older.
        stepper.send(keys("jj"))
        XCTAssertEqual(notes(stepper).suffix(2), ["job cancelled", "job done"])
        XCTAssertEqual(stepper.cancelledWork, ["job", "job"])
        // Cancelling work that has already ended does nothing.
        stepper.send(keys("x"))
        XCTAssertEqual(stepper.cancelledWork.count, 2)
    }

    func test_aTimerIsHeldUntilTheTestFiresIt() {
        let stepper = stepper()
        stepper.send(keys("t"))
        XCTAssertEqual(notes(stepper), [])
        XCTAssertEqual(stepper.heldTimers, [.init(id: "toast", due: .seconds(5))])
        stepper.advance(by: .seconds(4))
        XCTAssertEqual(notes(stepper), [], "not due yet")
        stepper.advance(by: .seconds(1))
        XCTAssertEqual(notes(stepper), ["toast gone"])
        XCTAssertEqual(stepper.now, .seconds(5))
        XCTAssertTrue(stepper.heldTimers.isEmpty)
    }

    func test_aTimerWithTheSameIdReplacesTheHeldOneAndCancelDropsIt() {
        let stepper = stepper()
        stepper.send(keys("tu"))
        XCTAssertEqual(stepper.heldTimers, [.init(id: "toast", due: .seconds(8))])
        stepper.fireTimers()
        XCTAssertEqual(notes(stepper), ["error toast gone"])
        XCTAssertEqual(stepper.now, .seconds(8), "the clock moves to the timer it fired")
        stepper.send(keys("tk"))
        XCTAssertTrue(stepper.heldTimers.isEmpty)
        stepper.fireTimers()
        XCTAssertEqual(notes(stepper), ["error toast gone"], "a cancelled timer never fires")
    }

    func test_aSpinnerTicksOnlyAsTheClockMovesAndStopsWhenAskedTo() {
        let stepper = stepper()
        stepper.send(keys("p"))
        stepper.fireTimers()
        XCTAssertEqual(notes(stepper), ["spin"], "fireTimers fires the timers held when it is called, not the ones they set")
        XCTAssertEqual(stepper.heldTimers, [.init(id: "spinner", due: .milliseconds(240))])
        stepper.advance(by: .seconds(1))
        XCTAssertEqual(notes(stepper).count, 9, "ticks at 120, 240, … 1080 ms")
        XCTAssertEqual(stepper.now, .milliseconds(1120))
        stepper.send(keys("o"))
        stepper.advance(by: .seconds(1))
        XCTAssertEqual(notes(stepper).count, 9)
        XCTAssertTrue(stepper.heldTimers.isEmpty)
    }

    func test_quitEndsTheProgramAndLaterReadsAreIgnored() {
        let stepper = stepper()
        stepper.send(keys("tjq") + keys("z"))
        XCTAssertEqual(stepper.exitReason, .quit)
        XCTAssertTrue(stepper.heldTimers.isEmpty, "quitting drops the timers")
        XCTAssertEqual(notes(stepper), [], "neither the key after q nor the work before it reached the screen")
        stepper.send(keys("z"))
        XCTAssertEqual(notes(stepper), [])
    }

    func test_failQuitsWithTheMessageAndCtrlCInterrupts() {
        let failed = stepper()
        failed.send(keys("f"))
        XCTAssertEqual(failed.exitReason, .quit)
        XCTAssertEqual(failed.failure, "the store could not be opened: disk full")
        let interrupted = stepper()
        interrupted.send([.key(.control("c"))])
        XCTAssertEqual(interrupted.exitReason, .interrupted)
        XCTAssertNil(interrupted.failure)
    }

    func test_aTooSmallWindowShowsTheNoticeAndQQuitsAsOnTheRunner() {
        let stepper = stepper(size: TerminalSize(columns: 60, rows: 20))
        XCTAssertTrue(stepper.text.contains("Make the window larger"), stepper.text)
        stepper.send([.resize(.minimum)])
        XCTAssertEqual(stepper.trimmedLines[0], "notes: 0")
        stepper.send([.resize(TerminalSize(columns: 70, rows: 24)), .key(.character("q"))])
        XCTAssertEqual(stepper.exitReason, .quit)
    }

    func test_theCursorIsTheFramesCursor() {
        let stepper = stepper()
        XCTAssertNil(stepper.cursor)
        stepper.send(keys("p"))
        XCTAssertEqual(stepper.cursor, Point(x: 0, y: 0))
    }

    func test_workThatDoesNotEndInTheLimitIsCancelledAndReported() {
        let stepper = stepper()
        stepper.workLimit = .milliseconds(50)
        stepper.send(keys("w"))
        XCTAssertEqual(stepper.stalledWork, ["#1"])
        XCTAssertEqual(notes(stepper), [], "a stalled piece's messages are dropped")
        stepper.send(keys("z"))
        XCTAssertEqual(notes(stepper), ["key z"], "the stepper goes on after it")
    }
}
