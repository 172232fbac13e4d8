import Provisioning
import Terminal
import ViewModels

/// The Assignments tab's People or Groups as table rows; the ✕ is greyed where it cannot remove.
struct AssignmentTableRows: TableRows {
    let model: AssignmentsViewModel

    static let peopleColumns = [
        TableColumn("PERSON", width: .flexible(min: 12, weight: 2)),
        TableColumn("USERNAME", width: .flexible(min: 14, weight: 3)),
        TableColumn("ASSIGNED", width: .flexible(min: 10, weight: 2)),
        TableColumn("", width: .fixed(1)),
        TableColumn("STATUS", width: .fixed(14)),
    ]
    static let groupColumns = [
        TableColumn("GROUP", width: .flexible(min: 12, weight: 2)),
        TableColumn("DESCRIPTION", width: .flexible(min: 12, weight: 3)),
        TableColumn("MEMBERS", width: .fixed(7), alignment: .right),
        TableColumn("", width: .fixed(1)),
    ]

    var columns: [TableColumn] { model.section == .people ? Self.peopleColumns : Self.groupColumns }

    var count: Int { model.section == .people ? model.people.count : model.groups.count }

    /// The login or group name of a row: what removing it takes.
    func key(row: Int) -> String {
        model.section == .people ? model.people[row].login : model.groups[row].name
    }

    func text(row: Int, column: Int) -> String {
        if model.section == .groups {
            let group = model.groups[row]
            switch column {
            case 0: return group.name
            case 1: return group.description
            case 2: return NumberText.grouped(group.memberCount)
            default: return "✕"
            }
        }
        let person = model.people[row]
        switch column {
        case 0: return person.displayName.isEmpty ? person.login : person.displayName
        case 1: return person.login
        case 2: return person.assignedText
        case 3: return "✕"
        default:
            switch person.status {
            case .pending: return "◌ Pending"
            case .provisioned: return "● Provisioned"
            case .deactivated: return "○ Deactivated"
            case .error: return "✗ Error"
            case .conflict: return "⚠ Conflict"
            case .heldBack: return "◐ Held back"
            case .notActiveInDirectory: return "– Not active"
            }
        }
    }

    func searchText(row: Int) -> String {
        (0..<columns.count).map { text(row: row, column: $0) }.joined(separator: "\n").lowercased()
    }

    func role(row: Int, column: Int) -> ThemeRole? {
        if model.section == .people {
            let person = model.people[row]
            if column == 3 { return person.isRemovable ? .error : .muted }
            if column == 4 {
                switch person.status {
                case .error, .conflict: return .error
                case .heldBack: return .warning
                case .provisioned: return .success
                default: return .muted
                }
            }
            return nil
        }
        return column == 3 ? .error : nil
    }
}
