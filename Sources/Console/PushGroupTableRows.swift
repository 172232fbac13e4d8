import Terminal
import ViewModels

/// The pushed groups as the table draws and filters them; a failed push shows in the error colour.
struct PushGroupTableRows: TableRows, Sendable {
    let rows: [PushGroupsViewModel.Row]
    private let strings: StringTableRows

    init(_ rows: [PushGroupsViewModel.Row]) {
        self.rows = rows
        strings = StringTableRows(rows.map(\.cells))
    }

    var count: Int { rows.count }
    func text(row: Int, column: Int) -> String { strings.text(row: row, column: column) }
    func searchText(row: Int) -> String { strings.searchText(row: row) }

    func role(row: Int, column: Int) -> ThemeRole? {
        column == 3 && rows[row].isError ? .error : nil
    }
}
