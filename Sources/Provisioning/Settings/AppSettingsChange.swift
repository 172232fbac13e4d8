import SAML
import SCIM
import Store

/// One change to an app's settings: what a tab's **Save** sends (General, Sign On, Integration, To App)
/// and what `scimdeck app set` builds from its options. A nil field is left as stored. `AppSettings.apply`
/// checks every field given before anything is written, then writes the change in one transaction.
public struct AppSettingsChange: Sendable, Equatable {
    // General
    public var label: String?
    public var stack: AppIntegration.Stack?

    // Sign On
    public var defaultRelayState: String?
    public var acsURL: String?
    public var audienceURI: String?
    /// A short name (`emailAddress`, any case) or the URN itself.
    public var nameIDFormat: String?
    /// An expression such as `user.login`; a bare profile name reads as `user.<name>`.
    public var applicationUsername: String?
    /// Replaces the whole list; `[]` removes every statement.
    public var attributeStatements: [AttributeStatement]?

    // Provisioning → Integration
    public var apiIntegrationEnabled: Bool?
    public var baseURL: String?
    public var apiToken: BearerToken?

    // Provisioning → To App
    public var createUsers: Bool?
    public var updateUserAttributes: Bool?
    public var deactivateUsers: Bool?
    public var requestProfile: ProvisioningSettings.RequestProfile?
    /// The User-Agent sent to the app as typed; `default` goes back to scimdeck's own.
    public var userAgent: String?
    /// Requests in flight at once as typed (1…64); `default` goes back to 4.
    public var concurrency: String?

    public init() {}

    /// The Sign On tab's Save: every field of the form.
    public init(signOn configuration: SignOnConfiguration) {
        defaultRelayState = configuration.defaultRelayState
        acsURL = configuration.acsURL
        audienceURI = configuration.audienceURI
        nameIDFormat = configuration.nameIDFormat.urn
        applicationUsername = configuration.applicationUsername.expression
        attributeStatements = configuration.attributeStatements
    }

    /// Integration's Save: the switch, the base URL and (when one was entered) a new token.
    public init(apiIntegrationEnabled: Bool, baseURL: String, apiToken: BearerToken?) {
        self.apiIntegrationEnabled = apiIntegrationEnabled
        self.baseURL = baseURL
        self.apiToken = apiToken
    }

    /// To App's Save: the three switches.
    public init(toggles: ProvisioningToggles) {
        createUsers = toggles.createUsers
        updateUserAttributes = toggles.updateUserAttributes
        deactivateUsers = toggles.deactivateUsers
    }

    public var isEmpty: Bool { self == AppSettingsChange() }

    /// The parts of an app's settings a change wrote, as `app set` names them.
    public enum Part: String, Sendable, Equatable, CaseIterable {
        case general = "General"
        case signOn = "Sign On"
        case provisioning = "Provisioning"
        case apiToken = "API token"
    }
}
