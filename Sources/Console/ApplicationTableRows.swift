import Terminal
import ViewModels

/// The Applications list as table rows.
struct ApplicationTableRows: TableRows {
    let apps: [ApplicationRow]

    static let columns = [
        TableColumn("APPLICATION", width: .flexible(min: 20, weight: 3)),
        TableColumn("CATALOG", width: .flexible(min: 10, weight: 2)),
        TableColumn("PROVISIONING", width: .fixed(16)),
        TableColumn("USERS", width: .fixed(6), alignment: .right),
        TableColumn("GROUPS", width: .fixed(6), alignment: .right),
        TableColumn("TASKS", width: .fixed(11)),
    ]

    var count: Int { apps.count }

    func text(row: Int, column: Int) -> String {
        let app = apps[row]
        switch column {
        case 0: return app.label
        case 1: return app.catalogName
        case 2: return app.provisioning
        case 3: return NumberText.grouped(app.users)
        case 4: return NumberText.grouped(app.groups)
        default: return app.tasksText
        }
    }

    func searchText(row: Int) -> String { (apps[row].label + "\n" + apps[row].catalogName).lowercased() }

    func role(row: Int, column: Int) -> ThemeRole? {
        if column == 2 { return apps[row].isProvisioningActive ? .success : .muted }
        if column == 5, apps[row].failedTasks > 0 { return .error }
        return nil
    }
}
