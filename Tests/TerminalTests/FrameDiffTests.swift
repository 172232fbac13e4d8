@testable import Terminal
import XCTest

final class FrameDiffTests: XCTestCase {
    func test_withNoPreviousFrameEveryCellIsWritten() {
        var buffer = CellBuffer(width: 3, height: 2)
        buffer.write("李", x: 0, y: 1)
        let changes = FrameDiff.changes(from: nil, to: buffer)
        XCTAssertEqual(changes.count, 2)
        XCTAssertEqual(changes[0].cells.count, 3)
        // The wide character's continuation is not a cell to write.
        XCTAssertEqual(changes[1].cells.map(\.text), ["李", " "])
    }

    func test_identicalFramesHaveNoChanges() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.write("hello 世界", x: 0, y: 1)
        XCTAssertEqual(FrameDiff.changes(from: buffer, to: buffer), [])
    }

    func test_onlyTheChangedCellsAreReportedAsRuns() {
        var before = CellBuffer(width: 10, height: 2)
        before.write("abcdefghij", x: 0, y: 0)
        var after = before
        after.write("XY", x: 2, y: 0)
        after.write("Z", x: 7, y: 0)
        after.write("q", x: 9, y: 1)
        let changes = FrameDiff.changes(from: before, to: after)
        XCTAssertEqual(changes, [
            CellChange(x: 2, y: 0, cells: [after[2, 0], after[3, 0]]),
            CellChange(x: 7, y: 0, cells: [after[7, 0]]),
            CellChange(x: 9, y: 1, cells: [after[9, 1]]),
        ])
    }

    func test_aStyleChangeIsAChange() {
        var before = CellBuffer(width: 4, height: 1)
        before.write("abcd", x: 0, y: 0)
        var after = before
        after.patchStyle(Rect(x: 1, y: 0, width: 1, height: 1), style: Style(attributes: .reverse))
        let changes = FrameDiff.changes(from: before, to: after)
        XCTAssertEqual(changes.map(\.x), [1])
        XCTAssertEqual(changes.first?.cells.count, 1)
    }

    func test_aWideCharacterReplacingTwoNarrowOnesIsOneCell() {
        var before = CellBuffer(width: 4, height: 1)
        before.write("abcd", x: 0, y: 0)
        var after = before
        after.write("李", x: 1, y: 0)
        let changes = FrameDiff.changes(from: before, to: after)
        XCTAssertEqual(changes, [CellChange(x: 1, y: 0, cells: [after[1, 0]])])
    }

    func test_narrowCharactersReplacingAWideOneAreBothWritten() {
        var before = CellBuffer(width: 4, height: 1)
        before.write("李", x: 1, y: 0)
        var after = before
        after.write("ab", x: 1, y: 0)
        let changes = FrameDiff.changes(from: before, to: after)
        XCTAssertEqual(changes, [CellChange(x: 1, y: 0, cells: [after[1, 0], after[2, 0]])])
    }

    func test_aFrameOfAnotherSizeIsWrittenWhole() {
        let before = CellBuffer(width: 4, height: 1)
        let after = CellBuffer(width: 5, height: 1)
        XCTAssertEqual(FrameDiff.changes(from: before, to: after).flatMap(\.cells).count, 5)
    }

    func test_memoryTerminalAppliesChangesToWhatIsOnScreen() {
        let terminal = MemoryTerminal(size: TerminalSize(columns: 6, rows: 2))
        var first = CellBuffer(width: 6, height: 2)
        first.write("ab李cd", x: 0, y: 0)
        terminal.draw(FrameDiff.changes(from: nil, to: first), cursor: nil, clearFirst: true)
        var second = first
        second.write("x", x: 2, y: 0)
        terminal.draw(FrameDiff.changes(from: first, to: second), cursor: Point(x: 1, y: 1), clearFirst: false)
        XCTAssertEqual(terminal.lastWriteCount, 2, "x and the blank left of 李's half")
        XCTAssertEqual(terminal.text, "abx cd\n      ")
        XCTAssertEqual(terminal.screen, second)
        XCTAssertEqual(terminal.cursor, Point(x: 1, y: 1))
    }
}
