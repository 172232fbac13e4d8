/// Why the engine cannot start a run, with what to do about it.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchApp(String)
    /// The app's settings keep it from syncing (see `SyncReadiness`).
    case notReady(String, SyncReadiness.Reason)
    case invalidMapping(String)
    /// Another run holds the app (who, which pid, since when).
    case appBusy(String, holder: String)

    public var description: String {
        switch self {
        case .noSuchApp(let app):
            return "no app \"\(app)\": `scimdeck app list` shows the apps"
        case .notReady(let app, let reason):
            return reason.commandLineMessage(appLabel: app)
        case .invalidMapping(let reason):
            return "an attribute mapping does not parse: \(reason)"
        case .appBusy(let app, let holder):
            return "\(app) is being synced by \(holder); try again when it ends, or leave out --no-wait to wait for it"
        }
    }
}
