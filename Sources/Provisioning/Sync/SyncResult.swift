/// What a sync did, as a value the CLI and the console both read (never prose to search).
public struct SyncResult: Sendable {
    public var runID: String
    public var plan: Plan
    public var report: ApplyReport
    /// Journal entries a killed earlier run left open.
    public var interruptedEntries: Int

    public init(runID: String, plan: Plan, report: ApplyReport, interruptedEntries: Int) {
        self.runID = runID
        self.plan = plan
        self.report = report
        self.interruptedEntries = interruptedEntries
    }

    public var outcome: SyncOutcome {
        if report.wasCancelled { return .stopped }
        if !report.failures.isEmpty { return .failed }
        if plan.holdsWorkBack { return .heldBack }
        return plan.operations.isEmpty ? .upToDate : .synced
    }

    /// People the run could not bring to the directory's state: conflicts and held back.
    public var heldBackCount: Int {
        plan.conflicts.reduce(0) { $0 + $1.personIDs.count } + plan.heldBack.reduce(0) { $0 + $1.personIDs.count }
    }

    /// One line for a status bar or a toast: what happened, and what was held back.
    public func headline(appLabel: String) -> String {
        let sent = report.succeededCount
        let failed = report.failures.count
        let total = plan.operations.count
        let held = heldBackCount == 0 ? "" : " \(heldBackCount) held back (\(heldBackReasons))."
        switch outcome {
        case .upToDate: return "Nothing to send: \(appLabel) matches the directory."
        case .synced: return "Synced \(appLabel): \(sent) operations sent."
        case .heldBack:
            return (total == 0 ? "Nothing sent to \(appLabel)." : "Synced \(appLabel): \(sent) operations sent.") + held
        case .failed:
            return "Synced \(appLabel): \(sent) sent, \(failed) failed (\(report.failures[0].reason))." + held
        case .stopped:
            return "Sync of \(appLabel) stopped: \(sent + failed) of \(total) operations done; the next sync goes on from there."
        }
    }

    private var heldBackReasons: String {
        var parts = plan.heldBack.map { "\($0.reason.rawValue): \($0.personIDs.count)" }
        if !plan.conflicts.isEmpty { parts.append("userName conflicts: \(plan.conflicts.reduce(0) { $0 + $1.personIDs.count })") }
        return parts.joined(separator: "; ")
    }
}

/// How a sync ended. Only `upToDate` and `synced` mean the app now holds what the directory says.
public enum SyncOutcome: String, Sendable, Equatable, Codable {
    case upToDate
    case synced
    /// Everything sendable was sent, but conflicts or the app's switches kept some people back.
    case heldBack
    case failed
    case stopped

    public var isComplete: Bool { self == .upToDate || self == .synced }
}
