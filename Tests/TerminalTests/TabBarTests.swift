@testable import Terminal
import XCTest

final class TabBarTests: XCTestCase {
    func test_tabsAreSeparatedAndTheSelectedOneIsHighlighted() {
        let bar = TabBar(titles: ["General", "Sign On", "Log"], selected: 1)
        let frame = rendered(columns: 30, rows: 1) { frame, theme in
            bar.render(in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, [" General │ Sign On │ Log      "])
        XCTAssertEqual(frame.buffer[11, 0].style, Theme.mono[.tabActive])
        XCTAssertEqual(frame.buffer[1, 0].style, Theme.mono[.tabInactive])
    }

    func test_aNarrowBarScrollsToTheSelectedTabAndMarksWhatIsHidden() {
        let titles = ["General", "Sign On", "Provisioning", "Log"]
        let first = rendered(columns: 20, rows: 1) { frame, theme in
            TabBar(titles: titles, selected: 0).render(in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(first.lines, [" General │ Sign On ›"])
        let last = rendered(columns: 22, rows: 1) { frame, theme in
            TabBar(titles: titles, selected: 3).render(in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(last.lines, ["‹ Provisioning │ Log  "])
    }

    func test_aClickFindsTheTabUnderIt() {
        let bar = TabBar(titles: ["General", "Sign On", "Log"], selected: 0)
        let area = Rect(x: 5, y: 2, width: 40, height: 1)
        XCTAssertEqual(bar.index(atColumn: 5, in: area), 0)
        XCTAssertEqual(bar.index(atColumn: 5 + 12, in: area), 1)
        XCTAssertEqual(bar.index(atColumn: 5 + 21, in: area), 2)
        XCTAssertNil(bar.index(atColumn: 5 + 14 + 20, in: area))
    }
}
