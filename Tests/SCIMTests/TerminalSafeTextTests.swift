import SCIM
import XCTest

/// Untrusted text loses every way of driving the terminal, and nothing else.
final class TerminalSafeTextTests: XCTestCase {
    private func clean(_ text: String) -> String { TerminalSafeText.clean(text) }

    func test_plainTextTabsAndNewlinesAreKept() {
        XCTAssertEqual(clean("Zoë Ødegaard\tzoe@corp.example\nnext line — ok ✓"), "Zoë Ødegaard\tzoe@corp.example\nnext line — ok ✓")
    }

    func test_c0ControlsAndDelAreRemoved() {
        XCTAssertEqual(clean("a\u{07}b\u{08}c\rd\u{00}e\u{0B}f\u{0C}g\u{7F}h\u{1A}i"), "abcdefghi")
    }

    func test_c1ControlsAreRemoved() {
        XCTAssertEqual(clean("a\u{80}b\u{85}c\u{9C}d"), "abcd")
        XCTAssertEqual(clean("x\u{9B}31mred"), "xred", "an 8-bit CSI goes with its parameters")
        XCTAssertEqual(clean("x\u{9D}0;title\u{07}y"), "xy", "an 8-bit OSC goes up to its terminator")
    }

    func test_csiSequencesAreRemovedWhole() {
        XCTAssertEqual(clean("\u{1B}[31mred\u{1B}[0m"), "red")
        XCTAssertEqual(clean("a\u{1B}[2J\u{1B}[1;1Hb"), "ab")
        XCTAssertEqual(clean("a\u{1B}[?1049hb"), "ab")
    }

    func test_oscSequencesAreRemovedWithEitherTerminator() {
        XCTAssertEqual(clean("\u{1B}]0;pwned\u{07}bob"), "bob")
        XCTAssertEqual(clean("\u{1B}]52;c;ZWNobyBoaQ==\u{1B}\\bob"), "bob", "a clipboard write")
        XCTAssertEqual(clean("\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\"), "link")
        XCTAssertEqual(clean("bob\u{1B}]0;never ends"), "bob", "an unterminated OSC swallows the rest, as a terminal would")
    }

    func test_twoCharacterEscapesAndOtherStringsAreRemoved() {
        XCTAssertEqual(clean("a\u{1B}cb"), "ab", "RIS, the full reset")
        XCTAssertEqual(clean("a\u{1B}(Bb"), "ab", "with an intermediate byte")
        XCTAssertEqual(clean("a\u{1B}P1$r\u{1B}\\b"), "ab", "DCS")
        XCTAssertEqual(clean("a\u{1B}"), "a", "a lone ESC at the end")
    }
}
