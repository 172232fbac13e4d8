import ArgumentParser
import Provisioning
import Store

/// `scimdeck mapping list --app A [--json]`: attribute, expression, apply on; fixed ones marked.
struct MappingListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List an app's attribute mappings.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let mappings = AppMappings(store: store, app: try app.resolve(in: store))
        let list = try mappings.list()
        if json { return try JSONOutput.print(list) }
        // The note sits with the expression, as on the To App screen, so no row ends in padding.
        TextTable.print(["ATTRIBUTE", "EXPRESSION", "APPLY ON"], list.map { mapping in
            [mapping.attribute, mapping.expression + (mapping.isEditable ? "" : "  (fixed by \(mappings.appName))"), mapping.applyOn.label]
        })
    }
}
