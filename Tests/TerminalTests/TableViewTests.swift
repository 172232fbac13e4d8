@testable import Terminal
import XCTest

/// A 100,000-row source that builds its strings on demand and counts the asks.
final class GeneratedRows: TableRows {
    let count: Int
    private(set) var textCalls = 0

    init(count: Int) { self.count = count }

    func text(row: Int, column: Int) -> String {
        textCalls += 1
        return column == 0 ? "Person \(row)" : "user\(row)@corp.com"
    }

    func searchText(row: Int) -> String { "person \(row) user\(row)@corp.com" }
}

final class TableViewTests: XCTestCase {
    private let columns = [
        TableColumn("PERSON", width: .flexible(min: 10, weight: 1)),
        TableColumn("USERNAME", width: .fixed(12)),
    ]
    private let people = StringTableRows([
        ["李小龙", "li"],
        ["José Núñez", "jose"],
        ["Zoë Ødegaard", "zoe"],
    ])

    func test_columnWidthsShareWhatIsLeftByWeight() {
        XCTAssertEqual(TableColumn.layout(columns, available: 28), [15, 12])
        let three = [TableColumn("A", width: .flexible(min: 2, weight: 1)), TableColumn("B", width: .flexible(min: 2, weight: 3)), TableColumn("C", width: .fixed(4))]
        XCTAssertEqual(TableColumn.layout(three, available: 20), [4, 10, 4], "10 spare: 2 and 7 by weight, the remainder to the last")
        XCTAssertEqual(TableColumn.layout(columns, available: 15), [10, 4], "narrow: the rightmost shrinks first")
    }

    func test_rowsRenderUnderAHeaderWithTheSelectionMarked() {
        var state = TableState()
        state.select(1, total: people.count, visibleHeight: 4)
        let frame = rendered(columns: 30, rows: 5) { frame, theme in
            TableView(columns: columns).render(rows: people, state: state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, [
            "  PERSON          USERNAME    ",
            "  李小龙          li          ",
            "▸ José Núñez      jose        ",
            "  Zoë Ødegaard    zoe         ",
            "                              ",
        ])
        XCTAssertTrue(frame.buffer[10, 2].style.attributes.contains(.reverse), "the selected row is drawn in the selection style")
        XCTAssertFalse(frame.buffer[10, 1].style.attributes.contains(.reverse))
    }

    func test_longTextIsCutWithAnEllipsisInsideItsColumn() {
        let rows = StringTableRows([["Bartholomew Featherstonehaugh", "bartholomew.f"]])
        let frame = rendered(columns: 30, rows: 2) { frame, theme in
            TableView(columns: columns).render(rows: rows, state: TableState(), in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines[1], "▸ Bartholomew Fe… bartholomew…")
    }

    func test_aHundredThousandRowsRenderOnlyTheVisibleWindow() {
        let rows = GeneratedRows(count: 100_000)
        var state = TableState()
        state.select(99_990, total: rows.count, visibleHeight: 20)
        let frame = rendered(columns: 100, rows: 21) { frame, theme in
            TableView(columns: columns).render(rows: rows, state: state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(rows.textCalls, 20 * 2, "only the 20 visible rows are asked for")
        XCTAssertTrue(frame.lines[1].hasPrefix("  Person 99971 "), frame.lines[1])
        XCTAssertTrue(frame.lines[20].hasPrefix("▸ Person 99990 "), "moving down keeps the selection on the last line: \(frame.lines[20])")
    }

    func test_moveKeysScrollTheWindowWithTheSelection() {
        let rows = GeneratedRows(count: 1000)
        var state = TableState()
        for _ in 0..<7 { XCTAssertTrue(state.handle(.down, rows: rows, visibleHeight: 5)) }
        XCTAssertEqual(state.selected, 7)
        XCTAssertEqual(state.offset, 3)
        XCTAssertTrue(state.handle(.character("G"), rows: rows, visibleHeight: 5))
        XCTAssertEqual(state.selected, 999)
        XCTAssertEqual(state.offset, 995)
        XCTAssertTrue(state.handle(.pageUp, rows: rows, visibleHeight: 5))
        XCTAssertEqual(state.selected, 995)
        XCTAssertTrue(state.handle(.home, rows: rows, visibleHeight: 5))
        XCTAssertEqual(state.selected, 0)
        XCTAssertEqual(state.offset, 0)
        XCTAssertFalse(state.handle(.character("x"), rows: rows, visibleHeight: 5))
    }

    func test_slashFiltersRowsAndShowsTheCount() {
        var state = TableState()
        XCTAssertTrue(state.handle(.character("/"), rows: people, visibleHeight: 3))
        for character in "ZOË" { _ = state.handle(.character(character), rows: people, visibleHeight: 3) }
        XCTAssertEqual(state.selectedRow(total: people.count), 2)
        let frame = rendered(columns: 30, rows: 4) { frame, theme in
            TableView(columns: columns).render(rows: people, state: state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, [
            "  PERSON          USERNAME    ",
            "▸ Zoë Ødegaard    zoe         ",
            "                              ",
            "/ZOË                    1 of 3",
        ])
        XCTAssertEqual(frame.cursor, Point(x: 4, y: 3), "the cursor blinks at the end of the query")
        _ = state.handle(.escape, rows: people, visibleHeight: 3)
        XCTAssertEqual(state.query, "")
        XCTAssertEqual(state.visibleCount(total: people.count), 3)
    }

    func test_aFilterThatMatchesNothingSaysSo() {
        var state = TableState()
        state.setQuery("nobody", rows: people)
        XCTAssertNil(state.selectedRow(total: people.count))
        let frame = rendered(columns: 30, rows: 3) { frame, theme in
            TableView(columns: columns).render(rows: people, state: state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines[1], "  No rows match “nobody”.     ")
    }

    func test_filteringAHundredThousandRowsNarrowsAsTheQueryGrows() {
        let rows = GeneratedRows(count: 100_000)
        var state = TableState()
        state.setQuery("user9999", rows: rows)
        XCTAssertEqual(state.visibleCount(total: rows.count), 11, "9999 and 99990…99999")
        state.setQuery("user99999", rows: rows)
        XCTAssertEqual(state.visibleCount(total: rows.count), 1)
        XCTAssertEqual(state.selectedRow(total: rows.count), 99_999)
    }

    func test_withoutItsHeaderATableIsAPlainList() {
        var state = TableState()
        state.select(1, total: 2, visibleHeight: 3)
        let menu = StringTableRows([["To App"], ["Integration"]])
        let frame = rendered(columns: 14, rows: 3) { frame, theme in
            TableView(columns: [TableColumn("", width: .flexible(min: 1, weight: 1))], showsHeader: false)
                .render(rows: menu, state: state, in: frame.area, frame: &frame, theme: theme)
        }
        XCTAssertEqual(frame.lines, ["  To App      ", "▸ Integration ", "              "])
        XCTAssertEqual(TableView.bodyHeight(in: frame.area, state: state, showsHeader: false), 3)
        XCTAssertEqual(TableView.position(at: Point(x: 3, y: 0), in: frame.area, state: state, total: 2, showsHeader: false), 0)
    }

    func test_reloadedRowsAreFilteredAgainAndTheSelectionStaysInRange() {
        var state = TableState()
        state.setQuery("o", rows: people)
        state.select(2, total: people.count, visibleHeight: 5)
        XCTAssertEqual(state.selectedRow(total: people.count), 2)
        let fewer = StringTableRows([["Zoë Ødegaard", "zoe"]])
        // Drawing before the update must not reach past the new rows.
        _ = rendered(columns: 30, rows: 5) { frame, theme in
            TableView(columns: columns).render(rows: fewer, state: state, in: frame.area, frame: &frame, theme: theme)
        }
        state.rowsChanged(fewer, visibleHeight: 5)
        XCTAssertEqual(state.visibleCount(total: fewer.count), 1)
        XCTAssertEqual(state.selectedRow(total: fewer.count), 0)
    }

    func test_aClickOnARowGivesItsPosition() {
        let state = TableState()
        let area = Rect(x: 0, y: 2, width: 30, height: 5)
        XCTAssertEqual(TableView.position(at: Point(x: 4, y: 3), in: area, state: state, total: 3), 0)
        XCTAssertEqual(TableView.position(at: Point(x: 4, y: 5), in: area, state: state, total: 3), 2)
        XCTAssertNil(TableView.position(at: Point(x: 4, y: 6), in: area, state: state, total: 3), "below the last row")
        XCTAssertNil(TableView.position(at: Point(x: 4, y: 2), in: area, state: state, total: 3), "the header")
    }
}
