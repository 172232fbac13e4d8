import ArgumentParser
import Provisioning
import Store

/// `scimdeck app list [--json]`: the Applications list.
struct AppListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the apps.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let summaries = try store.apps.all().map { try AppSummary(app: $0, store: store) }
        if json {
            try JSONOutput.print(summaries)
            return
        }
        TextTable.print(["ID", "LABEL", "CATALOG", "PROVISIONING", "LINKED USERS"], summaries.map {
            [String($0.id), $0.label, $0.catalog, $0.provisioning, String($0.linkedUsers)]
        })
    }
}
