@testable import Terminal
import XCTest

final class TextFieldTests: XCTestCase {
    func test_aFocusedFieldShowsItsTextAndPutsTheCursorAfterIt() {
        let state = TextFieldState(text: "abc")
        let frame = rendered(columns: 16, rows: 1) { frame, theme in
            TextField(label: "Name", labelWidth: 6, isFocused: true).render(state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["Name  abc       "])
        XCTAssertEqual(frame.cursor, Point(x: 9, y: 0))
        XCTAssertEqual(frame.buffer[12, 0].style, Theme.mono[.inputFocused], "the empty rest of the field is drawn as input")
    }

    func test_anUnfocusedFieldSetsNoCursorAndShowsItsPlaceholder() {
        let frame = rendered(columns: 20, rows: 1) { frame, theme in
            TextField(label: "Base URL", placeholder: "https://…").render(TextFieldState(), in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["Base URL https://…  "])
        XCTAssertNil(frame.cursor)
    }

    func test_longTextScrollsSoTheCursorStaysInTheField() {
        let state = TextFieldState(text: "abcdefghijklmnop")
        let frame = rendered(columns: 10, rows: 1) { frame, theme in
            TextField(isFocused: true).render(state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["hijklmnop "])
        XCTAssertEqual(frame.cursor, Point(x: 9, y: 0))
    }

    func test_wideCharactersMoveTheCursorTwoColumns() {
        var state = TextFieldState(text: "李小龙")
        _ = state.handle(.left)
        let frame = rendered(columns: 10, rows: 1) { frame, theme in
            TextField(isFocused: true).render(state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["李小龙    "])
        XCTAssertEqual(frame.cursor, Point(x: 4, y: 0))
    }

    func test_editingKeysWorkLikeAShellLine() {
        var state = TextFieldState(text: "hello world")
        XCTAssertTrue(state.handle(.control("w")))
        XCTAssertEqual(state.text, "hello ")
        XCTAssertTrue(state.handle(.home))
        XCTAssertTrue(state.handle(.character(">")))
        XCTAssertEqual(state.text, ">hello ")
        XCTAssertEqual(state.cursor, 1)
        XCTAssertTrue(state.handle(.delete))
        XCTAssertEqual(state.text, ">ello ")
        XCTAssertTrue(state.handle(.control("k")))
        XCTAssertEqual(state.text, ">")
        XCTAssertTrue(state.handle(.backspace))
        XCTAssertTrue(state.handle(.backspace), "backspace at the start is harmless")
        XCTAssertEqual(state.text, "")
        XCTAssertFalse(state.handle(.enter), "Enter belongs to the form")
        XCTAssertFalse(state.handle(.tab))
    }

    func test_pasteDropsLineBreaksAndControlCharactersAndHonoursMaxLength() {
        var state = TextFieldState(maxLength: 8)
        state.insert("ab\ncd\u{7}\tef-ghijk")
        XCTAssertEqual(state.text, "abcd ef-")
    }

    func test_aLoneCombiningMarkJoinsTheCharacterBeforeIt() {
        var state = TextFieldState(text: "Zoe")
        state.insert("\u{308}")
        XCTAssertEqual(state.characters.count, 3)
        XCTAssertEqual(state.text, "Zoe\u{308}")
    }

    func test_theMaskedFieldNeverDrawsTheSecret() {
        let secret = "hunter2-3f9a"
        let state = TextFieldState(text: secret)
        for focused in [true, false] {
            let frame = rendered(columns: 30, rows: 1) { frame, theme in
                TextField(label: "API Token", isMasked: true, isFocused: focused).render(state, in: frame.area, frame: &frame, theme: theme)
            }
            XCTAssertEqual(frame.lines, ["API Token ••••••••••••        "])
            let field = frame.buffer.cells.dropFirst(10)  // after the label
            let drawn = Set(field.flatMap(\.text.unicodeScalars))
            for scalar in Set(secret.unicodeScalars) {
                XCTAssertFalse(drawn.contains(scalar), "\(scalar) of the secret was drawn")
            }
        }
    }

    func test_theMaskedFieldScrollsWithoutDrawingTheSecret() {
        let state = TextFieldState(text: String(repeating: "s3cr3t", count: 10))
        let frame = rendered(columns: 12, rows: 1) { frame, theme in
            TextField(isMasked: true, isFocused: true).render(state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["••••••••••• "])
        XCTAssertEqual(frame.cursor, Point(x: 11, y: 0))
    }
}
