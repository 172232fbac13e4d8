import Terminal
import ViewModels

/// The preview-person picker's results: NAME, USERNAME.
struct PreviewPersonRows: TableRows {
    let people: [PreviewPerson]

    static let columns = [
        TableColumn("NAME", width: .flexible(min: 12, weight: 2)),
        TableColumn("USERNAME", width: .flexible(min: 12, weight: 3)),
    ]

    var count: Int { people.count }

    func text(row: Int, column: Int) -> String { column == 0 ? people[row].displayName : people[row].login }

    func searchText(row: Int) -> String { (people[row].displayName + "\n" + people[row].login).lowercased() }
}
