import Store

/// Who asks to run against an app, and what to do when another run holds it.
public struct RunClaim: Sendable {
    /// Shown to a second run: "scimdeck sync", "the console", "scimdeck run".
    public var holder: String
    /// Wait for the other run to finish (telling `onWait` once), or fail at once with `EngineError.appBusy`.
    public var waits: Bool
    public var onWait: @Sendable (_ line: String) -> Void

    public init(holder: String, waits: Bool = true, onWait: @escaping @Sendable (_ line: String) -> Void = { _ in }) {
        self.holder = holder
        self.waits = waits
        self.onWait = onWait
    }
}
