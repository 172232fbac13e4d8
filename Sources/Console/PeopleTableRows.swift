import Terminal
import ViewModels

/// The directory's people as table rows. Cells are made into Strings only for the rows drawn,
/// and `/` searches the case-folded bytes the store keeps (the text `directory list --filter`
/// searches), so filtering 100,000 people makes no String at all.
struct PeopleTableRows: TableRows, Sendable {
    let people: DirectoryListing.People

    static let columns = [
        TableColumn("NAME", width: .flexible(min: 16, weight: 2)),
        TableColumn("USERNAME", width: .flexible(min: 20, weight: 3)),
        TableColumn("EMAIL", width: .flexible(min: 12, weight: 3)),
        TableColumn("STATUS", width: .fixed(11)),
    ]

    init(_ people: DirectoryListing.People) {
        self.people = people
    }

    var count: Int { people.count }

    func text(row: Int, column: Int) -> String {
        switch column {
        case 0: return people.name(row)
        case 1: return people.login(row)
        case 2: return people.email(row)
        default: return people.status(row).rawValue
        }
    }

    func searchText(row: Int) -> String { people.searchText(row) }

    func searchText(row: Int, contains needle: [UInt8]) -> Bool {
        people.withSearchText(row) { TableFilter.contains($0, needle) }
    }

    func role(row: Int, column: Int) -> ThemeRole? {
        column == 3 && people.status(row) != .active ? .warning : nil
    }
}
