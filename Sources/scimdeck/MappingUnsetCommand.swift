import ArgumentParser
import Provisioning
import Store

/// `scimdeck mapping unset --app A ATTRIBUTE`: stop sending one attribute.
struct MappingUnsetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unset", abstract: "Remove one attribute's mapping.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Argument(help: "The SCIM attribute, as `mapping list` shows it.") var attribute: String

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        try AppMappings(store: store, app: try app.resolve(in: store)).unset(attribute: attribute)
        print("unmapped \(attribute)")
    }
}
