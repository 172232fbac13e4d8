import Terminal
import ViewModels

/// The directory's people as table rows. The lower-cased search text is built once, off the
/// UI thread, so `/` over 100,000 people only compares strings.
struct PeopleTableRows: TableRows, Sendable {
    let people: DirectoryListing.People
    let search: [String]

    static let columns = [
        TableColumn("NAME", width: .flexible(min: 16, weight: 2)),
        TableColumn("USERNAME", width: .flexible(min: 20, weight: 3)),
        TableColumn("EMAIL", width: .flexible(min: 12, weight: 3)),
        TableColumn("STATUS", width: .fixed(11)),
    ]

    init(_ people: DirectoryListing.People) {
        self.people = people
        var search: [String] = []
        search.reserveCapacity(people.count)
        for index in 0..<people.count {
            search.append((people.names[index] + "\n" + people.logins[index] + "\n" + people.emails[index]).lowercased())
        }
        self.search = search
    }

    var count: Int { people.count }

    func text(row: Int, column: Int) -> String {
        switch column {
        case 0: return people.names[row]
        case 1: return people.logins[row]
        case 2: return people.emails[row]
        default: return people.statuses[row]
        }
    }

    func searchText(row: Int) -> String { search[row] }

    func role(row: Int, column: Int) -> ThemeRole? {
        column == 3 && people.statuses[row] != "active" ? .warning : nil
    }
}
