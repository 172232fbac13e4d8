@testable import Terminal
import XCTest

/// The parts around a screen: header, status bar, dialogs, help, toasts, log pane.
final class ChromeWidgetTests: XCTestCase {
    func test_headerShowsWhereYouAreAndGivesUpContextWhenNarrow() {
        let header = HeaderBar(path: ["scimdeck", "Applications", "Axiad Cloud (prod)"], context: "store: ~/x")
        let wide = rendered(columns: 60, rows: 1) { frame, theme in header.render(in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(wide.lines, [" scimdeck ▸ Applications ▸ Axiad Cloud (prod)    store: ~/x "])
        let narrow = rendered(columns: 30, rows: 1) { frame, theme in header.render(in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(narrow.lines, [" … ▸ Axiad Cloud (prod)       "])
    }

    func test_statusBarShowsTheMessageLeftAndTheKeysRight() {
        let bar = StatusBar(message: "Pushing… 3 / 10", hints: [.init("↑↓", "move"), .init("q", "quit")])
        let frame = rendered(columns: 40, rows: 1) { frame, theme in bar.render(in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(frame.lines, [" Pushing… 3 / 10        ↑↓ move  q quit "])
        XCTAssertEqual(frame.buffer[24, 0].style, Theme.mono[.statusKey])
        XCTAssertEqual(frame.buffer[27, 0].style, Theme.mono[.statusBar])
    }

    func test_statusBarDropsHintsThatDoNotFit() {
        let bar = StatusBar(message: "Ready", hints: [.init("⏎", "open"), .init("/", "filter"), .init("?", "help")])
        let frame = rendered(columns: 25, rows: 1) { frame, theme in bar.render(in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(frame.lines, [" Ready  ⏎ open  / filter "])
        let narrower = rendered(columns: 24, rows: 1) { frame, theme in bar.render(in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(narrower.lines, [" Ready           ⏎ open "])
    }

    func test_dialogCentresItsMessageAndButtons() {
        let dialog = Dialog(title: "Unlink pushed group: Sales", message: "The group stays in Axiad Cloud.", buttons: ["Cancel", "Unlink"], width: 40)
        let frame = rendered(columns: 50, rows: 7) { frame, theme in
            frame.buffer.write(String(repeating: "x", count: 50), x: 0, y: 0)
            dialog.render(DialogState(buttonCount: 2), in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, [
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            "     ┌ Unlink pushed group: Sales ──────────┐     ",
            "     │ The group stays in Axiad Cloud.      │     ",
            "     │                                      │     ",
            "     │               [ Cancel ]  [ Unlink ] │     ",
            "     └──────────────────────────────────────┘     ",
            "                                                  ",
        ])
        XCTAssertTrue(frame.buffer[0, 0].style.attributes.contains(.dim), "the screen behind is dimmed")
        XCTAssertEqual(frame.buffer[33, 4].style, Theme.mono[.buttonFocused], "the last button has the focus")
        XCTAssertEqual(dialog.button(at: Point(x: 21, y: 4), in: frame.area), 0)
        XCTAssertEqual(dialog.button(at: Point(x: 42, y: 4), in: frame.area), 1)
        XCTAssertNil(dialog.button(at: Point(x: 31, y: 4), in: frame.area), "the gap between buttons")
    }

    func test_dialogKeysMoveBetweenButtonsPressAndCancel() {
        var state = DialogState(buttonCount: 2)
        XCTAssertEqual(state.focusedButton, 1)
        XCTAssertEqual(state.handle(.tab), .none)
        XCTAssertEqual(state.focusedButton, 0)
        XCTAssertEqual(state.handle(.enter), .pressed(0))
        XCTAssertEqual(state.handle(.escape), .cancelled)
    }

    func test_helpOverlayListsTheKeysBySection() {
        let help = HelpOverlay(sections: [
            .init("Move", keys: [.init("↑↓ j k", "move"), .init("⏎", "open")]),
            .init("Actions", keys: [.init("/", "filter")]),
        ])
        let frame = rendered(columns: 30, rows: 11) { frame, theme in help.render(in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(frame.lines, [
            "                              ",
            "     ┌ Keys ───────────┐      ",
            "     │ Move            │      ",
            "     │  ↑↓ j k move    │      ",
            "     │  ⏎      open    │      ",
            "     │                 │      ",
            "     │ Actions         │      ",
            "     │  /      filter  │      ",
            "     │ Esc or ? close  │      ",
            "     └─────────────────┘      ",
            "                              ",
        ])
        let short = rendered(columns: 30, rows: 10) { frame, theme in help.render(in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(short.lines[7], "     │ … 1 more: make …│      ", "a window too short says what it left out")
    }

    func test_toastSitsBottomRight() {
        let frame = rendered(columns: 40, rows: 3) { frame, theme in
            Toast("Saved", kind: .success).render(in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines[2], "                               ✓ Saved  ")
        XCTAssertTrue(frame.buffer[33, 2].style.attributes.contains(.reverse))
    }

    func test_logPaneFollowsTheNewestLinesUntilScrolledBack() {
        var log = LogBuffer(capacity: 100)
        for number in 1...5 { log.append("GET /Users/\(number) 200", role: number == 4 ? .error : nil) }
        let following = rendered(columns: 30, rows: 3) { frame, theme in LogPane().render(log, in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(following.lines, [
            "GET /Users/3 200              ",
            "GET /Users/4 200              ",
            "GET /Users/5 200              ",
        ])
        XCTAssertEqual(following.buffer[0, 1].style, Theme.mono[.error])
        XCTAssertTrue(log.handle(.up, visibleHeight: 3))
        log.append("POST /Users 201")
        XCTAssertEqual(log.scrollBack, 2, "new lines do not move what is being read")
        let back = rendered(columns: 30, rows: 3) { frame, theme in LogPane().render(log, in: frame.area, frame: &frame, theme: theme) }
        XCTAssertEqual(back.lines, [
            "GET /Users/3 200              ",
            "GET /Users/4 200              ",
            "       ↓ 2 newer · End follows",
        ])
        XCTAssertTrue(log.handle(.end, visibleHeight: 3))
        XCTAssertTrue(log.isFollowing)
    }

    func test_logBufferKeepsOnlyItsCapacity() {
        var log = LogBuffer(capacity: 10)
        for number in 0..<1000 { log.append("line \(number)") }
        XCTAssertEqual(log.visibleLines.count, 10)
        XCTAssertEqual(log.visibleLines.first?.text, "line 990")
        XCTAssertLessThanOrEqual(log.count, 13)
        XCTAssertTrue(log.handle(.home, visibleHeight: 4))
        XCTAssertEqual(log.scrollBack, 6, "scrolling stops at the oldest kept line")
    }

    func test_boxDrawsABorderWithATitleAndReturnsTheInside() {
        var inside = Rect(x: 0, y: 0, width: 0, height: 0)
        let frame = rendered(columns: 12, rows: 3) { frame, theme in
            inside = Box(title: "People").render(in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["┌ People ──┐", "│          │", "└──────────┘"])
        XCTAssertEqual(inside, Rect(x: 1, y: 1, width: 10, height: 1))
    }
}
