import Terminal
import ViewModels

/// Show Unmapped Attributes as table rows: ATTRIBUTE, TYPE, DESCRIPTION.
struct UnmappedTableRows: TableRows {
    let attributes: [UnmappedAttribute]

    static let columns = [
        TableColumn("ATTRIBUTE", width: .flexible(min: 20, weight: 3)),
        TableColumn("TYPE", width: .fixed(9)),
        TableColumn("DESCRIPTION", width: .flexible(min: 8, weight: 3)),
    ]

    var count: Int { attributes.count }

    func text(row: Int, column: Int) -> String {
        let attribute = attributes[row]
        switch column {
        case 0: return attribute.attribute
        case 1: return attribute.type
        default: return attribute.summary ?? ""
        }
    }

    func searchText(row: Int) -> String { attributes[row].attribute.lowercased() }
}
