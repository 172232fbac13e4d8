import ArgumentParser
import Provisioning
import Store

/// `scimdeck mapping set --app A ATTRIBUTE EXPRESSION`: map one attribute (the expression is checked
/// first; a mapping the catalog fixes is refused).
struct MappingSetCommand: ParsableCommand {
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

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let mappings = try AppMappings(store: store, app: try app.resolve(in: store))
        let mapping = try mappings.set(attribute: attribute, expression: expression, applyOn: applyOn?.value)
        print("mapped \(mapping.attribute) ← \(mapping.expression) (\(mapping.applyOn.label))")
        if mapping.attribute != attribute.trimmingCharacters(in: .whitespaces) {
            print("\(attribute) is multi-valued: stored as \(mapping.attribute), one element of the array")
        }
    }
}
