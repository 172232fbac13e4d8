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
            help: "The User-Agent sent to the app (some allow-list Okta's: \"\(SettingValidation.oktaUserAgent)\"); \"default\" for scimdeck's own.")
    var userAgent: String?
    @Option(help: "Requests in flight at once for this app, 1-\(SettingValidation.maxConcurrency) (an app on SQLite wants 1); \"default\" for 4.")
    var concurrency: String?

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        var found = try app.resolve(in: store)
        let appID = found.id ?? 0
        var changed: [String] = []

        if label != nil || stack != nil {
            if let label { found.label = label }
            if let stack { found.stack = stack.storeValue }
            try store.records(AppIntegration.self).update(found)
            changed.append("General")
        }

        var signOn = try store.records(SignOnSettings.self).fetch(key: appID) ?? SignOnSettings(appId: appID)
        let signOnBefore = signOn
        if let relayState { signOn.defaultRelayState = try SettingValidation.relayState(relayState) }
        if let acsURL { signOn.acsURL = try SettingValidation.url(acsURL, field: "ACS URL") }
        if let audience { signOn.audienceURI = try SettingValidation.audience(audience) }
        if let nameIDFormat { signOn.nameIDFormat = try SettingValidation.nameIDFormat(nameIDFormat) }
        if let applicationUsername { signOn.applicationUsername = try SettingValidation.applicationUsername(applicationUsername) }
        if clearAttributeStatements { signOn.attributeStatements = SignOnConfiguration.json([]) }
        if !attributeStatements.isEmpty {
            signOn.attributeStatements = SignOnConfiguration.json(try attributeStatements.map(SettingValidation.attributeStatement))
        }
        if signOn != signOnBefore {
            signOn.updatedAt = Date()
            try store.records(SignOnSettings.self).save(signOn)
            changed.append("Sign On")
        }

        var settings = try store.records(ProvisioningSettings.self).fetch(key: appID) ?? ProvisioningSettings(appId: appID)
        let settingsBefore = settings
        if let apiIntegration { settings.apiIntegrationEnabled = apiIntegration }
        if let baseURL { settings.baseURL = try SettingValidation.url(baseURL, field: "Base URL") }
        if let createUsers { settings.createUsers = createUsers.isOn }
        if let updateUsers { settings.updateUserAttributes = updateUsers.isOn }
        if let deactivateUsers { settings.deactivateUsers = deactivateUsers.isOn }
        if let profile { settings.requestProfile = profile }
        if let userAgent { settings.userAgent = try SettingValidation.userAgent(userAgent) }
        if let concurrency { settings.concurrency = try SettingValidation.concurrency(concurrency) }
        if settings != settingsBefore {
            settings.updatedAt = Date()
            try store.records(ProvisioningSettings.self).save(settings)
            changed.append("Provisioning")
        }

        if token.isGiven {
            guard let given = try token.read() else { throw ValidationError("no API token was given") }
            try store.secrets.set(SecretValue(given.revealedForStorage), name: SecretName.apiToken, appId: appID)
            changed.append("API token")
        }
        print(changed.isEmpty ? "nothing to change" : "saved \(found.label): \(changed.joined(separator: ", "))")
    }
}

extension ProvisioningSettings.RequestProfile: ExpressibleByArgument {}
