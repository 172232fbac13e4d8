import Terminal
import ViewModels

/// The Directory: People and Groups tabs, each a filterable table.
struct DirectoryView {
    let state: DirectoryScreenState

    static let groupColumns = [
        TableColumn("GROUP", width: .flexible(min: 16, weight: 2)),
        TableColumn("DESCRIPTION", width: .flexible(min: 16, weight: 3)),
        TableColumn("MEMBERS", width: .fixed(8), alignment: .right),
    ]

    /// The tab titles with their counts; a click finds its tab by these same titles.
    static func tabTitles(_ state: DirectoryScreenState) -> [String] {
        let peopleCount = state.people.map { NumberText.grouped($0.count) } ?? "…"
        return ["People (\(peopleCount))", "Groups (\(NumberText.grouped(state.groups.count)))"]
    }

    func render(size: TerminalSize, frame: inout Frame, theme: Theme) {
        let (tabsArea, box) = ConsoleGeometry.tabbed(size)
        TabBar(titles: Self.tabTitles(state), selected: state.tab.index).render(in: tabsArea, frame: &frame, theme: theme)
        _ = Box().render(in: box, frame: &frame, theme: theme)
        let area = ConsoleGeometry.directoryTable(size)
        if state.isLoading {
            _ = frame.buffer.write("Loading the directory…", x: area.x + 2, y: area.y + 1, style: theme[.muted])
            return
        }
        switch state.tab {
        case .people:
            TableView(columns: PeopleTableRows.columns, emptyText: "Nobody in the directory yet: press i to import a file.")
                .render(rows: state.people ?? PeopleTableRows(DirectoryListing.People()), state: state.peopleTable, in: area, frame: &frame, theme: theme)
        case .groups:
            TableView(columns: Self.groupColumns, emptyText: "No groups yet: press i to import a file.")
                .render(rows: state.groups, state: state.groupsTable, in: area, frame: &frame, theme: theme)
        }
    }
}
