import Foundation
import Store

/// Whether an app can be synced now, and when not, why: the one answer the Applications list, the
/// General tab, the Assignments and Push Groups tabs, the console's sync and the CLI's `sync` all read.
public enum SyncReadiness: Sendable, Equatable {
    case ready
    case notReady(Reason)

    /// What keeps an app from syncing, in the order it is checked (the first one missing is the one said).
    public enum Reason: String, Sendable, Equatable, Codable, CaseIterable {
        case apiIntegrationOff
        case noBaseURL
        /// A base URL is stored but breaks `BaseURLRule` (stored by an older scimdeck, or edited by hand).
        case badBaseURL
        case noToken

        /// What is missing, for a column or a field ("no API token").
        public var summary: String {
            switch self {
            case .apiIntegrationOff: return "API integration is off"
            case .noBaseURL: return "no SCIM base URL"
            case .badBaseURL: return "the SCIM base URL is not usable"
            case .noToken: return "no API token"
            }
        }

        /// The sentence for a screen, naming the tab that fixes it.
        public func message(appLabel: String) -> String {
            switch self {
            case .apiIntegrationOff: return "API integration is not enabled for \(appLabel); turn it on in Provisioning → Integration."
            case .noBaseURL: return "\(appLabel) has no SCIM base URL; set it in Provisioning → Integration."
            case .badBaseURL: return "\(appLabel)'s SCIM base URL is not usable; correct it in Provisioning → Integration."
            case .noToken: return "\(appLabel) has no API token; set it in Provisioning → Integration."
            }
        }

        /// The sentence for the command line, with the command that fixes it.
        public func commandLineMessage(appLabel: String) -> String {
            switch self {
            case .apiIntegrationOff:
                return "API integration is not enabled for \(appLabel): `scimdeck app set --app \"\(appLabel)\" --enable-api-integration`"
            case .noBaseURL:
                return "\(appLabel) has no SCIM base URL: `scimdeck app set --app \"\(appLabel)\" --base-url URL`"
            case .badBaseURL:
                return "\(appLabel)'s SCIM base URL is not usable: `scimdeck app set --app \"\(appLabel)\" --base-url URL`"
            case .noToken:
                return "\(appLabel) has no API token: `scimdeck app set --app \"\(appLabel)\" --token-file FILE` (or SCIMDECK_TOKEN)"
            }
        }
    }

    public var isReady: Bool { self == .ready }

    public var reason: Reason? {
        if case .notReady(let reason) = self { return reason }
        return nil
    }

    /// The readiness of stored settings. `tokenGiven`: a token comes from elsewhere for this run
    /// (`--token-file`, `SCIMDECK_TOKEN`), so none needs to be stored. A stored token is enough here
    /// even when it cannot be opened with the key at hand: the sync then fails with that reason.
    public static func of(_ settings: ProvisioningSettings?, hasStoredToken: Bool, tokenGiven: Bool = false) -> SyncReadiness {
        guard let settings, settings.apiIntegrationEnabled else { return .notReady(.apiIntegrationOff) }
        return connection(baseURL: settings.baseURL, hasToken: hasStoredToken || tokenGiven)
    }

    /// What a SCIM connection needs whether or not integration is on (reading /Schemas, testing credentials).
    public static func connection(baseURL: String, hasToken: Bool) -> SyncReadiness {
        if baseURL.isEmpty { return .notReady(.noBaseURL) }
        if BaseURLRule.problem(baseURL) != nil || URL(string: baseURL) == nil { return .notReady(.badBaseURL) }
        return hasToken ? .ready : .notReady(.noToken)
    }

    /// The readiness of an app as the store holds it now.
    public static func of(appID: Int64, in store: ScimdeckStore, tokenGiven: Bool = false) throws -> SyncReadiness {
        let settings = try store.records(ProvisioningSettings.self).fetch(key: appID)
        guard settings?.apiIntegrationEnabled == true else { return .notReady(.apiIntegrationOff) }
        return of(settings, hasStoredToken: try store.secrets.contains(name: SecretName.apiToken, appId: appID), tokenGiven: tokenGiven)
    }
}
