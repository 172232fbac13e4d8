import Provisioning
import Store

/// Whether `scimdeck run` syncs an app: its API integration is on, with a base URL and a token it
/// can read. The one place this is judged for the agent, so that a shared readiness rule can take
/// its place here alone.
enum AgentReadiness {
    /// nil when the app is ready; otherwise why the agent leaves it alone (not a failure: a switch
    /// the admin set, or a step of set-up not done yet).
    static func notReadyBecause(_ engine: ProvisioningEngine) throws -> String? {
        let settings = try engine.store.records(ProvisioningSettings.self).fetch(key: engine.appID)
        guard let settings, settings.apiIntegrationEnabled else { return "API integration is off" }
        if settings.baseURL.isEmpty { return "no SCIM base URL (`scimdeck app set --app … --base-url URL`)" }
        if try engine.storedToken() == nil { return "no API token stored (`scimdeck app set --app … --token-file F`)" }
        return nil
    }
}
