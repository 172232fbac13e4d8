import ArgumentParser
import Foundation
import Provisioning
import SAML
import Store

/// `scimdeck app set --app A …`: the scriptable twin of every Save on the Sign On and Provisioning tabs.
struct AppSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change an app's settings.",
        discussion: "The API token is read from --token-file, from SCIMDECK_TOKEN with --token-from-env, or from a prompt with --prompt-token; never from the command line."
    )

    enum Switch: String, ExpressibleByArgument, CaseIterable {
        case on, off
        var isOn: Bool { self == .on }
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption

    @Option(help: "A new application label.") var label: String?
    @Option(help: "The app's stack: production or demo-test.") var stack: StackChoice?

    // Sign On
    @Option(name: .customLong("relay-state"), help: "Default Relay State.") var relayState: String?
    @Option(name: .customLong("acs-url"), help: "ACS URL (Single sign-on URL).") var acsURL: String?
    @Option(help: "Audience URI (SP Entity ID).") var audience: String?
    @Option(name: .customLong("name-id-format"), help: "Name ID format: unspecified, emailAddress, persistent, transient.") var nameIDFormat: String?
    @Option(name: .customLong("application-username"), help: "Application username expression, e.g. user.login or user.email.") var applicationUsername: String?
    @Option(name: .customLong("attribute-statement"), help: "An attribute statement NAME=EXPRESSION, e.g. email=user.email (repeatable; replaces the list).")
    var attributeStatements: [String] = []
    @Flag(name: .customLong("clear-attribute-statements"), help: "Remove every attribute statement.") var clearAttributeStatements = false

    // Provisioning → Integration
    @Flag(inversion: .prefixedEnableDisable, help: "Enable API integration.") var apiIntegration: Bool?
    @Option(name: .customLong("base-url"), help: "The SCIM base URL, e.g. https://example.com/scim/v2.") var baseURL: String?
    @OptionGroup var token: TokenInput

    // Provisioning → To App
    @Option(name: .customLong("create-users"), help: "Create Users: on or off.") var createUsers: Switch?
    @Option(name: .customLong("update-users"), help: "Update User Attributes: on or off.") var updateUsers: Switch?
    @Option(name: .customLong("deactivate-users"), help: "Deactivate Users: on or off.") var deactivateUsers: Switch?
    @Option(help: "Request profile: okta or rfc7644.") var profile: ProvisioningSettings.RequestProfile?
    @Option(name: .customLong("user-agent"),
            help: "The User-Agent sent to the app (some allow-list Okta's: \"\(RequestSettingRules.oktaUserAgent)\"); \"default\" for scimdeck's own.")
    var userAgent: String?
    @Option(help: "Requests in flight at once for this app, 1-\(RequestSettingRules.maxConcurrency) (an app on SQLite wants 1); \"default\" for 4.")
    var concurrency: String?

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let found = try app.resolve(in: store)
        let appID = found.id
        let change = try self.change()
        let parts: [AppSettingsChange.Part]
        do {
            // Checked whole before anything is written, then written in one transaction: a refused
            // change leaves every setting as it was.
            parts = try AppSettings(store: store, appID: appID).apply(change)
        } catch let error as AppSettingsError {
            throw ValidationError(error.description)
        }
        let label = change.label.map { $0.trimmingCharacters(in: .whitespaces) } ?? found.label
        print(parts.isEmpty ? "nothing to change" : "saved \(label): \(parts.map(\.rawValue).joined(separator: ", "))")
    }

    /// The options as one settings change; a nil field is left as stored.
    func change() throws -> AppSettingsChange {
        var change = AppSettingsChange()
        change.label = label
        change.stack = stack?.storeValue
        change.defaultRelayState = relayState
        change.acsURL = acsURL
        change.audienceURI = audience
        change.nameIDFormat = nameIDFormat
        change.applicationUsername = applicationUsername
        if clearAttributeStatements { change.attributeStatements = [] }
        if !attributeStatements.isEmpty { change.attributeStatements = attributeStatements.map(Self.statement) }
        change.apiIntegrationEnabled = apiIntegration
        change.baseURL = baseURL
        if token.isGiven {
            guard let given = try token.read() else { throw ValidationError("no API token was given") }
            change.apiToken = given
        }
        change.createUsers = createUsers?.isOn
        change.updateUserAttributes = updateUsers?.isOn
        change.deactivateUsers = deactivateUsers?.isOn
        change.requestProfile = profile
        change.userAgent = userAgent
        change.concurrency = concurrency
        return change
    }

    /// `NAME=EXPRESSION`; without `=`, a statement with no name, which the change refuses with the form to write.
    static func statement(_ text: String) -> AttributeStatement {
        guard let equals = text.firstIndex(of: "=") else { return AttributeStatement(name: "", expression: text) }
        return AttributeStatement(name: text[..<equals].trimmingCharacters(in: .whitespaces),
                                  expression: String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces))
    }
}

extension ProvisioningSettings.RequestProfile: ExpressibleByArgument {}
