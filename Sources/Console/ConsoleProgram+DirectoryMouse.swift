import Terminal

/// The Directory under the mouse: a click on a tab title switches tabs, a click on a row selects
/// it, and the wheel moves the selection, as on the Applications list.
extension ConsoleProgram {
    /// Rows the selection moves for one notch of the wheel.
    static let wheelStep = 3

    func directoryClick(_ point: Point, _ state: DirectoryScreenState, _ model: inout ConsoleModel) {
        var state = state
        let tabs = ConsoleGeometry.tabbed(model.size).tabs
        let bar = TabBar(titles: DirectoryView.tabTitles(state), selected: state.tab.index)
        if point.y == tabs.y, let index = bar.index(atColumn: point.x, in: tabs) {
            state.tab = DirectoryScreenState.Tab.allCases[index]
        } else if !state.isLoading {
            let total = state.rowCount
            let area = ConsoleGeometry.directoryTable(model.size)
            guard let position = TableView.position(at: point, in: area, state: state.table, total: total) else { return }
            state.table.select(position, total: total, visibleHeight: directoryHeight(model, state))
        }
        model.replaceTop(.directory(state))
    }

    func directoryScroll(by lines: Int, _ state: DirectoryScreenState, _ model: inout ConsoleModel) {
        guard !state.isLoading else { return }
        var state = state
        state.table.move(by: lines, total: state.rowCount, visibleHeight: directoryHeight(model, state))
        model.replaceTop(.directory(state))
    }
}
