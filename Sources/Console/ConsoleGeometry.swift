import Terminal

/// Where each screen's parts go, shared by `view` and by key handling (paging needs the
/// table's visible height). Every screen: a header line, the body, a status bar.
enum ConsoleGeometry {
    static func header(_ size: TerminalSize) -> Rect { Rect(x: 0, y: 0, width: size.columns, height: 1) }
    static func status(_ size: TerminalSize) -> Rect { Rect(x: 0, y: size.rows - 1, width: size.columns, height: 1) }
    /// Between the header and the status bar.
    static func main(_ size: TerminalSize) -> Rect { Rect(x: 0, y: 1, width: size.columns, height: size.rows - 2) }

    /// A screen with a tab row under the header: the tab row and the boxed body below it.
    static func tabbed(_ size: TerminalSize) -> (tabs: Rect, box: Rect) {
        let (tabs, box) = main(size).splitTop(1)
        return (tabs.inset(left: 1), box)
    }

    static func applicationsTable(_ size: TerminalSize) -> Rect { main(size).inset(by: 1).inset(top: 2, right: 1) }

    static func catalogResults(_ size: TerminalSize) -> Rect { main(size).inset(by: 1).inset(top: 2) }

    static func directoryTable(_ size: TerminalSize) -> Rect { tabbed(size).box.inset(by: 1).inset(right: 1) }

    /// The app's panel: the box inside, less a progress line while a sync runs.
    static func appPanel(_ size: TerminalSize, syncing: Bool) -> Rect {
        tabbed(size).box.inset(by: 1).inset(bottom: syncing ? 1 : 0)
    }

    /// A reader overlay's box, and the lines inside it.
    static func readerBox(_ size: TerminalSize) -> Rect { main(size).inset(by: 1) }
    static func readerBody(_ size: TerminalSize) -> Rect { readerBox(size).inset(by: 1) }

    /// The Assignments table: under the Assign ▾ line, above the notice line.
    static func assignmentsTable(in panel: Rect) -> Rect { panel.inset(top: 2, bottom: 1) }

    /// The panel's table sits under its fields and note.
    static func appPanelTable(_ size: TerminalSize, fieldCount: Int, hasNote: Bool, syncing: Bool) -> Rect {
        let panel = appPanel(size, syncing: syncing)
        let top = (fieldCount > 0 ? fieldCount + 1 : 0) + (hasNote ? 2 : 0)
        return panel.inset(top: min(top, max(0, panel.height - 3)))
    }
}
