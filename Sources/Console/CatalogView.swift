import Terminal
import ViewModels

/// Browse App Integration Catalog: search and results, then the *Application label* form.
struct CatalogView {
    let state: CatalogScreenState

    func render(size: TerminalSize, frame: inout Frame, theme: Theme) {
        let main = ConsoleGeometry.main(size)
        switch state.browser.step {
        case .search:
            let inner = Box(title: "Browse App Integration Catalog").render(in: main, frame: &frame, theme: theme)
            TextField(label: "Search", placeholder: "type a name, e.g. Axiad", isFocused: true)
                .render(state.search, in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: 1), frame: &frame, theme: theme)
            let cursor = frame.cursor
            var table = TableState()
            table.select(state.browser.selected, total: state.browser.results.count, visibleHeight: ConsoleGeometry.catalogResults(size).height - 1)
            TableView(columns: [TableColumn("APP", width: .flexible(min: 18, weight: 1)), TableColumn("WHAT IT DOES", width: .flexible(min: 20, weight: 3))],
                      emptyText: "No app in the catalog matches “\(state.search.text)”.")
                .render(rows: StringTableRows(state.browser.results.map { [$0.name, $0.summary] }), state: table,
                        in: ConsoleGeometry.catalogResults(size), frame: &frame, theme: theme)
            frame.cursor = cursor
        case .label(let entryID, _):
            let name = state.browser.results.first { $0.id == entryID }?.name ?? entryID
            let inner = Box(title: "Add \(name)").render(in: main, frame: &frame, theme: theme)
            frame.buffer.write("General Settings · Required", x: inner.x + 1, y: inner.y, style: theme[.title])
            TextField(label: "Application label", labelWidth: 19, isFocused: state.focus.focused == 0)
                .render(state.label, in: Rect(x: inner.x + 1, y: inner.y + 2, width: min(70, inner.width - 2), height: 1), frame: &frame, theme: theme)
            frame.buffer.write("This label displays under the app on your users' dashboards.", x: inner.x + 21, y: inner.y + 3,
                               maxWidth: max(0, inner.width - 22), style: theme[.muted])
            if let error = state.error {
                frame.buffer.write("✗ " + error, x: inner.x + 1, y: inner.y + 5, maxWidth: inner.width - 2, style: theme[.error])
            }
            let cancel = Button("Cancel", isFocused: state.focus.focused == 1)
            let done = Button("Done", isFocused: state.focus.focused == 2 || state.focus.focused == 0)
            let y = inner.y + 7
            let saved = frame.cursor
            _ = cancel.render(at: Point(x: inner.x + 1, y: y), frame: &frame, theme: theme)
            _ = done.render(at: Point(x: inner.x + 2 + cancel.width, y: y), frame: &frame, theme: theme)
            frame.cursor = saved
        }
    }
}
