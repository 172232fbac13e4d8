import Terminal
import ViewModels

/// The Applications list (SCREENS.md).
struct ApplicationsView {
    let apps: [ApplicationRow]
    let table: TableState

    func render(size: TerminalSize, frame: inout Frame, theme: Theme) {
        let inner = Box().render(in: ConsoleGeometry.main(size), frame: &frame, theme: theme)
        let used = frame.buffer.write("[b]", x: inner.x + 1, y: inner.y, style: theme[.accent])
        frame.buffer.write(" Browse App Integration Catalog", x: inner.x + 1 + used, y: inner.y, style: theme[.normal])
        frame.buffer.write("[d] Directory    / filter", x: inner.x + 40, y: inner.y, maxWidth: max(0, inner.width - 40), style: theme[.muted])
        TableView(columns: ApplicationTableRows.columns,
                  emptyText: "No apps yet: press b to browse the catalog and add Axiad Cloud.")
            .render(rows: ApplicationTableRows(apps: apps), state: table, in: ConsoleGeometry.applicationsTable(size), frame: &frame, theme: theme)
    }
}
