@testable import Terminal
import XCTest

/// The frame budget: one frame of a 100,000-row filtered table under 5 ms in a
/// release build. Debug builds are several times slower, so the bound here is looser;
/// the measured figure is printed for the issue note.
final class FrameBenchmarkTests: XCTestCase {
    func test_oneFrameOfAFilteredHundredThousandRowTableIsFast() {
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
        var timings: [Duration] = []
        for step in 0..<20 {
            state.move(by: step % 2 == 0 ? 1 : -1, total: rows.count, visibleHeight: 46)
            let start = ContinuousClock.now
            var frame = Frame(size: size, background: Theme.default[.normal])
            let (header, body) = frame.area.splitTop(1)
            HeaderBar(path: ["scimdeck", "Directory", "People"]).render(in: header, frame: &frame, theme: .default)
            let (table, status) = body.splitBottom(1)
            TableView(columns: columns).render(rows: rows, state: state, in: table, frame: &frame, theme: .default)
            StatusBar(message: "\(count) people", hints: [.init("/", "filter")]).render(in: status, frame: &frame, theme: .default)
            let changes = FrameDiff.changes(from: previous, to: frame.buffer)
            terminal.draw(changes, cursor: frame.cursor, clearFirst: previous == nil)
            previous = frame.buffer
            timings.append(ContinuousClock.now - start)
        }
        let steady = timings.dropFirst().sorted()
        let median = steady[steady.count / 2]
        print("frame of a 100,000-row filtered table at 200×50: median \(median), first \(timings[0])")
        XCTAssertLessThan(median, .milliseconds(40), "median frame \(median)")
        XCTAssertLessThan(terminal.lastWriteCount, 1_000, "moving the selection rewrites two rows, not the screen")
    }
}
