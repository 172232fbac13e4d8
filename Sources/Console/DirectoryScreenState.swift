import Terminal

/// The Directory: People and Groups, each a table; the people load as a task (see `openDirectory`).
struct DirectoryScreenState: Sendable {
    enum Tab: String, CaseIterable, Sendable {
        case people = "People"
        case groups = "Groups"
    }

    var tab: Tab = .people
    var people: PeopleTableRows?
    var groups = StringTableRows([])
    var peopleTable = TableState()
    var groupsTable = TableState()
    var isLoading = true
}

extension DirectoryScreenState.Tab {
    var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension DirectoryScreenState {
    /// The table of the tab shown.
    var table: TableState {
        get { tab == .people ? peopleTable : groupsTable }
        set {
            switch tab {
            case .people: peopleTable = newValue
            case .groups: groupsTable = newValue
            }
        }
    }

    /// Rows of the tab shown (none while the people are loading).
    var rowCount: Int { tab == .people ? people?.count ?? 0 : groups.count }
}
