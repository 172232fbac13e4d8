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
    /// Same stable id (objectGUID, entryUUID, externalId), new login.
    public var peopleRenamed = 0
    public var peopleUnchanged = 0
    public var peopleSkipped = 0
    public var groupsAdded = 0
    public var groupsUpdated = 0
    /// Same stable id, new name.
    public var groupsRenamed = 0
    public var groupsUnchanged = 0
    public var membershipsAdded = 0
    public var membershipsRemoved = 0
    /// Of `membershipsAdded`, those only through a nested group (the person is in a group the group contains).
    public var membershipsAddedThroughNesting = 0
    /// Of `membershipsRemoved`, those that were only through a nested group.
    public var membershipsRemovedThroughNesting = 0
    /// Memberships kept but now direct where they were only through a nested group, or the reverse.
    public var membershipsReclassified = 0
    /// Groups put in (or taken out of) other groups.
    public var groupNestingAdded = 0
    public var groupNestingRemoved = 0

    public init(outcome: Outcome, issues: [ImportIssue]) {
        self.outcome = outcome
        self.issues = issues
    }

    public var errors: [ImportIssue] { issues.filter { $0.severity == .error } }

    /// Whether the store differs (or would differ) after the import.
    public var changesAnything: Bool {
        peopleAdded + peopleUpdated + peopleRenamed + groupsAdded + groupsUpdated + groupsRenamed + membershipsAdded + membershipsRemoved
            + membershipsReclassified + groupNestingAdded + groupNestingRemoved > 0
    }

    public var description: String {
        let verb: String
        switch outcome {
        case .applied: verb = "imported"
        case .dryRun: verb = "dry run, nothing saved: would import"
        case .rejected:
            return "nothing imported: \(errors.count) error(s); fix them or pass --skip-invalid to import the other rows"
        }
        var text = "\(verb): people \(peopleAdded) added, \(peopleUpdated) updated, "
        if peopleRenamed > 0 { text += "\(peopleRenamed) renamed, " }
        text += "\(peopleUnchanged) unchanged"
        if peopleSkipped > 0 { text += ", \(peopleSkipped) skipped" }
        text += "; groups \(groupsAdded) added, \(groupsUpdated) updated, "
        if groupsRenamed > 0 { text += "\(groupsRenamed) renamed, " }
        text += "\(groupsUnchanged) unchanged"
        text += "; memberships \(membershipsAdded) added"
        if membershipsAddedThroughNesting > 0 { text += " (\(membershipsAddedThroughNesting) through nested groups)" }
        text += ", \(membershipsRemoved) removed"
        if membershipsRemovedThroughNesting > 0 { text += " (\(membershipsRemovedThroughNesting) through nested groups)" }
        if membershipsReclassified > 0 { text += ", \(membershipsReclassified) changed between direct and through nested groups" }
        if groupNestingAdded + groupNestingRemoved > 0 {
            text += "; groups in groups \(groupNestingAdded) added, \(groupNestingRemoved) removed"
        }
        return text
    }
}
