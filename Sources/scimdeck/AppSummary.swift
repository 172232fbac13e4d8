import Provisioning
import SCIM
import Store

/// One app as `app list` and `app show` print it. The token shows as set or not, never its value.
struct AppSummary: Encodable {
    struct SignOn: Encodable {
        var defaultRelayState: String
        var acsURL: String
        var audienceURI: String
        var nameIDFormat: String
        var applicationUsername: String
        var attributeStatements: [String]
    }

    struct Provisioning: Encodable {
        var apiIntegrationEnabled: Bool
        var baseURL: String
        var apiToken: String
        var createUsers: Bool
        var updateUserAttributes: Bool
        var deactivateUsers: Bool
        var profile: String
        var userAgent: String
        var concurrency: Int
        /// Request forms the app was found to accept instead of the profile's own, operation → form.
        var learnedForms: [String: String]
    }

    struct Mapping: Encodable {
        var attribute: String
        var expression: String
        var applyOn: String
    }

    var id: Int64
    var label: String
    var catalog: String
    var stack: String
    var provisioning: String
    var linkedUsers: Int
    var signOn: SignOn?
    var settings: Provisioning?
    var mappings: [Mapping]?

    init(app: Saved<AppIntegration>, store: ScimdeckStore, detailed: Bool = false) throws {
        let appID = app.id
        id = appID
        label = app.label
        catalog = Catalog.entry(named: app.catalogEntry)?.name ?? app.catalogEntry
        stack = app.stack == .production ? "production" : "demo-test"
        let settings = try store.records(ProvisioningSettings.self).fetch(key: appID)
        provisioning = Self.provisioningText(try SyncReadiness.of(appID: appID, in: store))
        linkedUsers = try store.provisioning.counts(appId: appID).linkedUsers
        guard detailed else { return }
        if let signOn = try store.records(SignOnSettings.self).fetch(key: appID) {
            self.signOn = SignOn(defaultRelayState: signOn.defaultRelayState, acsURL: signOn.acsURL, audienceURI: signOn.audienceURI,
                                 nameIDFormat: signOn.nameIDFormat, applicationUsername: signOn.applicationUsername,
                                 attributeStatements: SignOnConfiguration(signOn).attributeStatements.map { "\($0.name)=\($0.expression)" })
        }
        if let settings {
            let apiToken: String
            do {
                apiToken = Self.masked(try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText())
            } catch let error as SecretStoreError {
                // The rest of the app still shows; the line says which key the token wants and where it was looked for.
                apiToken = "\(error)"
            }
            self.settings = Provisioning(
                apiIntegrationEnabled: settings.apiIntegrationEnabled, baseURL: settings.baseURL, apiToken: apiToken,
                createUsers: settings.createUsers, updateUserAttributes: settings.updateUserAttributes,
                deactivateUsers: settings.deactivateUsers, profile: settings.requestProfile.rawValue,
                userAgent: settings.userAgent ?? SCIMClientConfiguration.defaultUserAgent,
                concurrency: settings.concurrency ?? ProvisioningEngine.defaultConcurrency,
                learnedForms: Dictionary(try store.records(LearnedRequestForm.self).all(appId: appID).map { ($0.operation, $0.form) },
                                         uniquingKeysWith: { _, last in last })
            )
        }
        mappings = try store.records(Store.AttributeMapping.self).all(appId: appID).map {
            Mapping(attribute: $0.scimAttribute, expression: $0.expression, applyOn: $0.applyOn == .createOnly ? "create" : "create, update")
        }
    }

    /// "active" when the app can sync, "off" while API integration is off, else what is missing.
    static func provisioningText(_ readiness: SyncReadiness) -> String {
        switch readiness.reason {
        case nil: return "active"
        case .apiIntegrationOff: return "off"
        case let reason?: return "not ready: \(reason.summary)"
        }
    }

    /// `••••` and the last four characters, as the Integration tab shows a saved token.
    static func masked(_ token: String?) -> String {
        guard let token, !token.isEmpty else { return "not set" }
        return token.count > 12 ? "••••" + token.suffix(4) : "••••"
    }
}
