import Terminal
import ViewModels

/// Attribute Mappings as table rows: ATTRIBUTE, VALUE (the expression; a mapping the catalog
/// fixes says so), APPLY ON.
struct MappingTableRows: TableRows {
    let rows: [MappingRow]

    static let columns = [
        TableColumn("ATTRIBUTE", width: .flexible(min: 21, weight: 1)),
        TableColumn("VALUE", width: .flexible(min: 16, weight: 4)),
        TableColumn("APPLY ON", width: .fixed(14)),
    ]

    var count: Int { rows.count }

    func text(row: Int, column: Int) -> String {
        let mapping = rows[row]
        switch column {
        case 0: return mapping.attribute
        case 1: return mapping.expression + (mapping.fixedNote.map { "  (\($0))" } ?? "")
        default: return mapping.applyOnLabel
        }
    }

    func searchText(row: Int) -> String { (rows[row].attribute + "\n" + rows[row].expression).lowercased() }

    func role(row: Int, column: Int) -> ThemeRole? {
        column == 1 && !rows[row].isEditable ? .muted : nil
    }
}
