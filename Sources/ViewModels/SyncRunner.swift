/// Runs `ProvisioningEngine.sync` for an app id, reporting progress; returns a one-line summary.
/// The executable builds it with the libcurl transport, so ViewModels needs no HTTP.
public typealias SyncRunner = @Sendable (_ appID: Int64, _ progress: @escaping @Sendable (SyncProgress) -> Void) async throws -> String

/// How far a sync has got, as the progress bar shows it.
public struct SyncProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var failed: Int

    public init(done: Int, total: Int, failed: Int) {
        self.done = done
        self.total = total
        self.failed = failed
    }
}
