import ArgumentParser
import Store

/// `scimdeck app show --app A [--json]`: every tab's settings of one app (the token masked).
struct AppShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one app's settings.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let summary = try AppSummary(app: try app.resolve(in: store), store: store, detailed: true)
        if json {
            try JSONOutput.print(summary)
            return
        }
        var lines = ["\(summary.label)  (\(summary.catalog), \(summary.stack), id \(summary.id))"]
        if let signOn = summary.signOn {
            lines += ["", "Sign On", "  Default Relay State   \(signOn.defaultRelayState)", "  ACS URL               \(signOn.acsURL)",
                      "  Audience URI          \(signOn.audienceURI)", "  Name ID format        \(signOn.nameIDFormat)",
                      "  Application username  \(signOn.applicationUsername)"]
                + signOn.attributeStatements.map { "  Attribute statement   \($0)" }
        }
        if let settings = summary.settings {
            lines += ["", "Provisioning", "  API integration       \(settings.apiIntegrationEnabled ? "enabled" : "off")",
                      "  Base URL              \(settings.baseURL)", "  API token             \(settings.apiToken)",
                      "  Create Users          \(settings.createUsers ? "on" : "off")",
                      "  Update User Attributes \(settings.updateUserAttributes ? "on" : "off")",
                      "  Deactivate Users      \(settings.deactivateUsers ? "on" : "off")", "  Request profile       \(settings.profile)",
                      "  User-Agent            \(settings.userAgent)", "  Requests in flight    \(settings.concurrency)",
                      "  Sync                  \(summary.provisioning)"]
                + settings.learnedForms.sorted { $0.key < $1.key }.map { "  Learned form          \($0.key): \($0.value)" }
        }
        if let mappings = summary.mappings, !mappings.isEmpty {
            lines += ["", "Attribute mappings"] + mappings.map { "  \($0.attribute) ← \($0.expression)  [\($0.applyOn)]" }
        }
        print(lines.joined(separator: "\n"))
    }
}
