import ArgumentParser
import Provisioning
import Store

/// `scimdeck mapping preview --app A [--person LOGIN] [--json]`: every mapped value for one person,
/// exactly as a sync would compute it.
struct MappingPreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Show each mapped value for one person.")

    /// The `--json` shape: the person and one entry per mapping (`value` null when not sent).
    struct Report: Encodable {
        struct Entry: Encodable {
            var attribute: String
            var expression: String
            var value: String?
            var error: String?
        }
        var person: String
        var values: [Entry]
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Option(help: "The person's login (default: the first person of the directory).") var person: String?
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let mappings = AppMappings(store: store, app: try app.resolve(in: store))
        let chosen: Person
        if let person {
            guard let found = try store.directory.person(login: person) else {
                throw ValidationError("no person \(person) in the directory (see `scimdeck directory list`)")
            }
            chosen = found
        } else {
            guard let first = try store.directory.people(limit: 1).first else {
                throw ValidationError("the directory is empty: add or import people first")
            }
            chosen = first
        }
        let previews = try mappings.preview(chosen)
        if json {
            return try JSONOutput.print(Report(person: chosen.login, values: previews.map {
                .init(attribute: $0.attribute, expression: $0.expression, value: $0.value, error: $0.error?.description)
            }))
        }
        // Through StandardStreams like the table below: `print` buffers and would come out after it.
        StandardStreams.out("preview for \(chosen.displayName.isEmpty ? chosen.login : "\(chosen.displayName) (\(chosen.login))")\n")
        TextTable.print(["ATTRIBUTE", "VALUE"], previews.map { preview in
            [preview.attribute, preview.error.map { "invalid expression: \($0)" } ?? preview.value.map { "\"\($0)\"" } ?? "null (not sent)"]
        })
    }
}
