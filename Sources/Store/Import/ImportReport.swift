/// What an import did (or, for a dry run or a rejected file, would have done).
public struct ImportReport: Sendable, CustomStringConvertible {
    public enum Outcome: String, Sendable {
        /// Committed.
        case applied
        /// Worked out in a transaction that was rolled back.
        case dryRun
        /// Nothing imported: the file has errors and `skipInvalid` was off.
        case rejected
    }

    public var outcome: Outcome
    public var issues: [ImportIssue]
    public var peopleAdded = 0
    public var peopleUpdated = 0
    public var peopleUnchanged = 0
    public var peopleSkipped = 0
    public var groupsAdded = 0
    public var groupsUpdated = 0
    public var groupsUnchanged = 0
    public var membershipsAdded = 0
    public var membershipsRemoved = 0

    public init(outcome: Outcome, issues: [ImportIssue]) {
        self.outcome = outcome
        self.issues = issues
    }

    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }

    /// Whether the store differs (or would differ) after the import.
    public var changesAnything: Bool {
        peopleAdded + peopleUpdated + groupsAdded + groupsUpdated + membershipsAdded + membershipsRemoved > 0
    }

    public var description: String {
        let verb: String
        switch outcome {
        case .applied: verb = "imported"
        case .dryRun: verb = "dry run, nothing saved: would import"
        case .rejected:
            return "nothing imported: \(errors.count) error(s); fix them or pass --skip-invalid to import the other rows"
        }
        var text = "\(verb): people \(peopleAdded) added, \(peopleUpdated) updated, \(peopleUnchanged) unchanged"
        if peopleSkipped > 0 { text += ", \(peopleSkipped) skipped" }
        text += "; groups \(groupsAdded) added, \(groupsUpdated) updated, \(groupsUnchanged) unchanged"
        text += "; memberships \(membershipsAdded) added, \(membershipsRemoved) removed"
        return text
    }
}
