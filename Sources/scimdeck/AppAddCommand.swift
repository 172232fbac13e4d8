import ArgumentParser
import Provisioning
import Store

/// `scimdeck app add --catalog "Axiad Cloud" --label "Axiad Cloud (prod)"`: the catalog's Add → label → Done.
struct AppAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an app from the catalog.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The catalog entry: \(Catalog.entries.map { "\"\($0.name)\"" }.joined(separator: ", ")).")
    var catalog: String

    @Option(help: "The application label (default: the catalog name).")
    var label: String?

    @Option(help: "The app's stack: production or demo-test.")
    var stack: StackChoice = .production

    func run() throws {
        guard let entry = Catalog.entry(named: catalog) else {
            throw ValidationError("no catalog entry \"\(catalog)\"; the catalog holds \(Catalog.entries.map(\.name).joined(separator: ", "))")
        }
        let store = try ScimdeckStore(path: global.storePath)
        let app = AppIntegration(catalogEntry: entry.id, label: label ?? entry.name, stack: stack.storeValue)
        let mappings = entry.defaultMappings.map {
            Store.AttributeMapping(appId: 0, scimAttribute: $0.attribute, expression: $0.expression, applyOn: $0.applyOn == .createOnly ? .createOnly : .createAndUpdate)
        }
        let added = try store.apps.add(app, signOn: SignOnSettings(appId: 0), provisioning: ProvisioningSettings(appId: 0), mappings: mappings)
        print("added \(added.label) (\(entry.name), id \(added.id))")
    }
}

enum StackChoice: String, ExpressibleByArgument, CaseIterable {
    case production
    case demoTest = "demo-test"

    var storeValue: AppIntegration.Stack { self == .production ? .production : .demoTest }
}
