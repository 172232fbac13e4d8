@testable import Terminal
import XCTest

/// A filtered 100,000-row table: the filter finds the right rows and a frame after moving the
/// selection rewrites only what changed. How fast a frame is, is measured by
/// `scimdeck-bench console` (`make bench`), never by a timed unit test.
final class FilteredTableFrameTests: XCTestCase {
    func test_movingTheSelectionInAFilteredHundredThousandRowTableRewritesOnlyTwoRows() {
        let rows = GeneratedRows(count: 100_000)
        var state = TableState()
        state.setQuery("user1", rows: rows)
        let count = state.visibleCount(total: rows.count)
        XCTAssertEqual(count, 11_111, "user1, user10…19, user100…199, …")
        state.select(5_000, total: rows.count, visibleHeight: 46)
        let columns = [
            TableColumn("PERSON", width: .flexible(min: 20, weight: 1)),
            TableColumn("USERNAME", width: .flexible(min: 24, weight: 2)),
        ]
        let size = TerminalSize(columns: 200, rows: 50)
        let terminal = MemoryTerminal(size: size)
        var previous: CellBuffer?
        for step in 0..<20 {
            state.move(by: step % 2 == 0 ? 1 : -1, total: rows.count, visibleHeight: 46)
            var frame = Frame(size: size, background: Theme.default[.normal])
            let (header, body) = frame.area.splitTop(1)
            HeaderBar(path: ["scimdeck", "Directory", "People"]).render(in: header, frame: &frame, theme: .default)
            let (table, status) = body.splitBottom(1)
            TableView(columns: columns).render(rows: rows, state: state, in: table, frame: &frame, theme: .default)
            StatusBar(message: "\(count) people", hints: [.init("/", "filter")]).render(in: status, frame: &frame, theme: .default)
            let changes = FrameDiff.changes(from: previous, to: frame.buffer)
            terminal.draw(changes, cursor: frame.cursor, clearFirst: previous == nil)
            previous = frame.buffer
        }
        XCTAssertLessThan(terminal.lastWriteCount, 1_000, "moving the selection rewrites two rows, not the screen")
    }
}
