/// Why the engine cannot start a run, with what to do about it.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchApp(String)
    case apiIntegrationDisabled(String)
    case noBaseURL(String)
    case noToken(String)
    case invalidMapping(String)
    /// Another run holds the app (who, which pid, since when).
    case appBusy(String, holder: String)

    public var description: String {
        switch self {
        case .noSuchApp(let app):
            return "no app \"\(app)\": `scimdeck app list` shows the apps"
        case .apiIntegrationDisabled(let app):
            return "API integration is not enabled for \(app): `scimdeck app set --app \"\(app)\" --enable-api-integration`"
        case .noBaseURL(let app):
            return "\(app) has no SCIM base URL: `scimdeck app set --app \"\(app)\" --base-url URL`"
        case .noToken(let app):
            return "\(app) has no API token: `scimdeck app set --app \"\(app)\" --token-file FILE` (or SCIMDECK_TOKEN)"
        case .invalidMapping(let reason):
            return "an attribute mapping does not parse: \(reason)"
        case .appBusy(let app, let holder):
            return "\(app) is being synced by \(holder); try again when it ends, or leave out --no-wait to wait for it"
        }
    }
}
