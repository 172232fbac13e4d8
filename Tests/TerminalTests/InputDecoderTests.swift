@testable import Terminal
import XCTest

final class InputDecoderTests: XCTestCase {
    private let size = TerminalSize(columns: 100, rows: 30)

    private func decode(_ text: String, decoder: inout InputDecoder) -> [InputEvent] {
        decoder.decode(text.unicodeScalars.map { .character($0.value) }) { size }
    }

    private func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        return decode(text, decoder: &decoder)
    }

    func test_printableCharactersIncludingWideOnesAreCharacterKeys() {
        XCTAssertEqual(decode("a李"), [.key(.character("a")), .key(.character("李"))])
    }

    func test_controlCharactersBecomeNamedKeys() {
        XCTAssertEqual(decode("\r\n\t\u{7F}\u{8}"), [.key(.enter), .key(.enter), .key(.tab), .key(.backspace), .key(.backspace)])
        XCTAssertEqual(decode("\u{1}\u{3}\u{15}"), [.key(.control("a")), .key(.control("c")), .key(.control("u"))])
    }

    func test_escapeAloneIsEscapeAndEscapeThenACharacterIsAlt() {
        XCTAssertEqual(decode("\u{1B}"), [.key(.escape)])
        XCTAssertEqual(decode("\u{1B}b"), [.key(.alt("b"))])
        XCTAssertEqual(decode("\u{1B}\u{1B}"), [.key(.escape), .key(.escape)])
    }

    func test_cursesKeyCodesMapThroughTheTable() {
        var decoder = InputDecoder(keyCodes: [259: .up, 353: .backTab, 265: .function(1)])
        let events = decoder.decode([.keyCode(259), .keyCode(353), .keyCode(265), .keyCode(999)]) { size }
        XCTAssertEqual(events, [.key(.up), .key(.backTab), .key(.function(1))], "an unknown code is dropped")
    }

    func test_theCursesBackendMapsItsKeyCodes() {
        let codes = CursesTerminal.keyCodes()
        XCTAssertEqual(Set(codes.values).count, codes.count, "each key once")
        for key in [Key.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .delete, .backTab, .function(1), .function(12)] {
            XCTAssertTrue(codes.values.contains(key), "\(key)")
        }
    }

    func test_resizeAndMouseArePassedThrough() {
        var decoder = InputDecoder()
        let click = MouseEvent(kind: .leftPress, position: Point(x: 3, y: 1))
        XCTAssertEqual(decoder.decode([.resize, .mouse(click)]) { size }, [.resize(size), .mouse(click)])
    }

    func test_bracketedPasteArrivesWholeEvenAcrossReads() {
        var decoder = InputDecoder()
        XCTAssertEqual(decode("x\u{1B}[200~hello\r", decoder: &decoder), [.key(.character("x"))])
        XCTAssertEqual(decode("wor\tld\u{1B}[201~y", decoder: &decoder), [.paste("hello\nwor\tld"), .key(.character("y"))])
    }

    func test_keysHaveNamesForHelpLines() {
        XCTAssertEqual(Key.control("c").name, "Ctrl-C")
        XCTAssertEqual(Key.backTab.name, "Shift-Tab")
        XCTAssertEqual(Key.character(" ").name, "Space")
        XCTAssertEqual(Key.function(5).name, "F5")
    }
}
