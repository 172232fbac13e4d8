import ArgumentParser
import Provisioning
import SCIM
import Store

/// `scimdeck mapping set --app A ATTRIBUTE EXPRESSION`: map one attribute (the expression is checked
/// first; a mapping the catalog fixes is refused, and so is an attribute the app's /Schemas lacks).
struct MappingSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Map one attribute from an expression.",
        discussion: "Example: scimdeck mapping set --app \"Axiad Cloud\" name.givenName 'String.toUpperCase(user.firstName)'"
    )

    enum ApplyOnChoice: String, ExpressibleByArgument, CaseIterable {
        case createAndUpdate = "create-and-update"
        case create

        var value: Provisioning.AttributeMapping.ApplyOn { self == .create ? .createOnly : .createAndUpdate }
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Argument(help: "The SCIM attribute, e.g. name.givenName, emails[primary].value, urn:…:enterprise:2.0:User:department.")
    var attribute: String
    @Argument(help: "The expression, e.g. user.firstName or user.firstName + ' ' + user.lastName.")
    var expression: String
    @Option(name: .customLong("apply-on"), help: "When the attribute is sent: create-and-update (default for a new mapping) or create.")
    var applyOn: ApplyOnChoice?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let store = try ScimdeckStore(path: global.storePath)
        let found = try app.resolve(in: store)
        let mappings = AppMappings(store: store, app: found)
        let schemas = await appSchemas(ProvisioningEngine(store: store, app: found))
        let mapping = try mappings.set(attribute: attribute, expression: expression, applyOn: applyOn?.value, appSchemas: schemas)
        print("mapped \(mapping.attribute) ← \(mapping.expression) (\(mapping.applyOn.label))")
        if mapping.attribute != attribute.trimmingCharacters(in: .whitespaces) {
            print("\(attribute) is multi-valued: stored as \(mapping.attribute), one element of the array")
        }
    }

    /// The app's `/Schemas`, when its integration is set up and it serves them; else none, and the
    /// attribute is not checked (said on stderr when the app could not be asked).
    private func appSchemas(_ engine: ProvisioningEngine) async -> [SCIMSchema] {
        guard let client = try? engine.client(transport: connection.transport(maxInFlight: 1), retry: .never, logging: false) else { return [] }
        do {
            return try await client.discover().schemas
        } catch {
            StandardStreams.err("note: \(attribute) not checked against the app's /Schemas: \(error)\n")
            return []
        }
    }
}
