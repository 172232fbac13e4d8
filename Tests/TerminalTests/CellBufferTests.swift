@testable import Terminal
import XCTest

final class CellBufferTests: XCTestCase {
    func test_wideCharacterTakesItsCellAndAContinuation() {
        var buffer = CellBuffer(width: 6, height: 1)
        let used = buffer.write("李a", x: 1, y: 0)
        XCTAssertEqual(used, 3)
        XCTAssertEqual(buffer[1, 0].text, "李")
        XCTAssertEqual(buffer[1, 0].width, 2)
        XCTAssertTrue(buffer[2, 0].isContinuation)
        XCTAssertEqual(buffer[3, 0].text, "a")
        XCTAssertEqual(buffer.line(0), " 李a  ")
    }

    func test_wideCharacterThatWouldCrossTheLimitIsLeftOut() {
        var buffer = CellBuffer(width: 5, height: 1)
        let used = buffer.write("ab李", x: 2, y: 0)
        XCTAssertEqual(used, 2, "李 needs columns 4 and 5 but the buffer ends at 4")
        XCTAssertEqual(buffer.line(0), "  ab ")
        XCTAssertFalse(buffer.cells.contains { $0.isContinuation })
    }

    func test_overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.write("李小", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)  // lands on 李's continuation
        XCTAssertEqual(buffer.line(0), " x小")
        buffer.write("y", x: 2, y: 0)  // lands on 小's lead
        XCTAssertEqual(buffer.line(0), " xy ")
        XCTAssertFalse(buffer.cells.contains { $0.isContinuation })
    }

    func test_combiningMarksStayInTheCellOfTheirBase() {
        var buffer = CellBuffer(width: 4, height: 1)
        let used = buffer.write("e\u{301}a", x: 0, y: 0)
        XCTAssertEqual(used, 2)
        XCTAssertEqual(buffer[0, 0].text, "e\u{301}")
        XCTAssertEqual(buffer[0, 0].width, 1)
        XCTAssertEqual(buffer[1, 0].text, "a")
    }

    func test_controlCharactersAreNotDrawnAndTabBecomesASpace() {
        var buffer = CellBuffer(width: 5, height: 1)
        buffer.write("a\u{7}b\tc", x: 0, y: 0)
        XCTAssertEqual(buffer.line(0), "ab c ")
    }

    func test_fillCuttingAWideCharacterBlanksItsOutsideHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.write("李小", x: 0, y: 0)
        buffer.fill(Rect(x: 1, y: 0, width: 2, height: 1), style: .plain)
        XCTAssertEqual(buffer.line(0), "    ")
        XCTAssertFalse(buffer.cells.contains { $0.isContinuation })
    }

    func test_writeClipsAtMaxWidthAndOffTheBottom() {
        var buffer = CellBuffer(width: 8, height: 2)
        XCTAssertEqual(buffer.write("abcdef", x: 1, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(buffer.write("zzz", x: 0, y: 2), 0)
        XCTAssertEqual(buffer.text, " abc    \n        ")
    }

    func test_patchedStyleKeepsTheColoursItDoesNotSet() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.fill(buffer.bounds, style: Style(background: .blue))
        buffer.write("a", x: 0, y: 0, style: Style(foreground: .red, attributes: .bold))
        XCTAssertEqual(buffer[0, 0].style, Style(foreground: .red, background: .blue, attributes: .bold))
    }
}
