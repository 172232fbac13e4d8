import Provisioning

/// Runs `ProvisioningEngine.sync` for an app id, reporting progress; returns what it did.
/// The executable builds it with the libcurl transport, so ViewModels needs no HTTP.
public typealias SyncRunner = @Sendable (_ appID: Int64, _ progress: @escaping @Sendable (SyncProgress) -> Void) async throws -> SyncSummary

/// How far a sync has got, as the progress bar shows it.
public struct SyncProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public var failed: Int
    /// What the run is waiting for, when it waits ("waiting 60 s: the app asked us to slow down").
    public var note: String?

    public init(done: Int, total: Int, failed: Int, note: String? = nil) {
        self.done = done
        self.total = total
        self.failed = failed
        self.note = note
    }
}

/// A finished (or refused) sync as a screen shows it: how it ended, and one line saying so.
public struct SyncSummary: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The app holds what the directory says.
        case complete
        /// Sent what it could; failures, conflicts or switches left the app short of the directory.
        case incomplete
        case stopped
        /// Another run (the CLI, the agent) is syncing the app: none was started here.
        case syncingElsewhere
    }

    /// How the run ended, as the engine says it (`SyncResult.outcome`); nil when no run was started here.
    public var outcome: SyncOutcome?
    public var kind: Kind
    public var headline: String

    public init(kind: Kind, headline: String) {
        self.kind = kind
        self.headline = headline
    }

    public init(_ result: SyncResult, appLabel: String) {
        outcome = result.outcome
        kind = Self.kind(of: result.outcome)
        headline = result.headline(appLabel: appLabel)
    }

    /// Another run holds the app (`EngineError.appBusy`).
    public static func syncingElsewhere(holder: String, appLabel: String) -> SyncSummary {
        SyncSummary(kind: .syncingElsewhere, headline: "Syncing elsewhere: \(holder) holds \(appLabel); none started here.")
    }

    /// The screen's reading of an outcome: only `upToDate` and `synced` are complete.
    public static func kind(of outcome: SyncOutcome) -> Kind {
        switch outcome {
        case .upToDate, .synced: return .complete
        case .heldBack, .failed: return .incomplete
        case .stopped: return .stopped
        }
    }
}
