@testable import Terminal
import XCTest

final class FormWidgetTests: XCTestCase {
    func test_checkboxShowsItsStateAndTogglesOnSpaceOrEnter() {
        let frame = rendered(columns: 20, rows: 2) { frame, theme in
            Checkbox(label: "Create Users", isChecked: true).render(in: Rect(x: 0, y: 0, width: 20, height: 1), frame: &frame, theme: theme)
            Checkbox(label: "Deactivate Users", isChecked: false, isFocused: true).render(in: Rect(x: 0, y: 1, width: 20, height: 1), frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["☑ Create Users      ", "☐ Deactivate Users  "])
        XCTAssertTrue(frame.buffer[2, 1].style.attributes.contains(.reverse), "focus shows")
        XCTAssertTrue(Checkbox.toggles(on: .character(" ")))
        XCTAssertTrue(Checkbox.toggles(on: .enter))
        XCTAssertFalse(Checkbox.toggles(on: .character("x")))
    }

    func test_buttonDrawsInBracketsAndReportsWhereItIs() {
        var rect = Rect(x: 0, y: 0, width: 0, height: 0)
        let frame = rendered(columns: 20, rows: 1) { frame, theme in
            rect = Button("Save", isFocused: true).render(at: Point(x: 2, y: 0), frame: &frame, theme: theme)
            Button("Test API Credentials", isEnabled: false).render(at: Point(x: 11, y: 0), maxWidth: 9, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["  [ Save ] [ Test… ]"])
        XCTAssertEqual(rect, Rect(x: 2, y: 0, width: 8, height: 1))
        XCTAssertEqual(frame.buffer[4, 0].style, Theme.mono[.buttonFocused])
        XCTAssertEqual(frame.buffer[13, 0].style, Theme.mono[.muted])
    }

    func test_radioGroupMarksTheChoice() {
        var state = ChoiceState(options: ["Delete the group in the target app", "Leave the group"], selected: 0)
        XCTAssertTrue(state.handleRadio(.down))
        let frame = rendered(columns: 24, rows: 2) { frame, theme in
            RadioGroup().render(state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["○ Delete the group in t…", "◉ Leave the group       "])
    }

    func test_dropDownOpensChoosesAndCancels() {
        var state = ChoiceState(options: ["production", "demo-test"])
        XCTAssertTrue(state.handleDropDown(.enter))
        XCTAssertTrue(state.isOpen)
        XCTAssertTrue(state.handleDropDown(.down))
        let frame = rendered(columns: 16, rows: 5) { frame, theme in
            DropDown(isFocused: true).render(state, in: Rect(x: 0, y: 0, width: 14, height: 1), frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, [
            "production   ▾  ",
            "┌────────────┐  ",
            "│production  │  ",
            "│demo-test   │  ",
            "└────────────┘  ",
        ])
        XCTAssertTrue(frame.buffer[1, 3].style.attributes.contains(.reverse), "the highlighted option")
        XCTAssertTrue(state.handleDropDown(.enter))
        XCTAssertEqual(state.selectedOption, "demo-test")
        XCTAssertFalse(state.isOpen)
        _ = state.handleDropDown(.enter)
        _ = state.handleDropDown(.up)
        _ = state.handleDropDown(.escape)
        XCTAssertEqual(state.selectedOption, "demo-test", "Esc closes without choosing")
    }

    func test_focusRingGoesRoundOnTabAndShiftTab() {
        var ring = FocusRing(count: 3)
        XCTAssertTrue(ring.handle(.backTab))
        XCTAssertEqual(ring.focused, 2)
        XCTAssertTrue(ring.handle(.tab))
        XCTAssertEqual(ring.focused, 0)
        XCTAssertFalse(ring.handle(.enter))
        ring.focused = 2
        ring.resize(to: 2)
        XCTAssertEqual(ring.focused, 1)
        XCTAssertTrue(ring.isFocused(1))
    }

    func test_progressBarFillsInEighths() {
        let frame = rendered(columns: 20, rows: 1) { frame, theme in
            ProgressBar(done: 1, total: 2).render(in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["██████▌░░░░░░  1 / 2"])
    }
}
