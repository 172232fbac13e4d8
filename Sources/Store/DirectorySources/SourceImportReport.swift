/// What a source import did (or, for a dry run, would do).
public struct SourceImportReport: Sendable, CustomStringConvertible {
    public var source: String
    public var kind: DirectorySource.ImportKind
    public var dryRun: Bool
    /// Why a requested incremental import was full (the source was never imported).
    public var fullBecause: String?
    public var peopleAdded = 0
    public var peopleUpdated = 0
    /// Same stable id, new login (or, for a group, new name).
    public var peopleRenamed = 0
    public var peopleRemoved = 0
    public var peopleUnchanged = 0
    public var groupsAdded = 0
    public var groupsUpdated = 0
    public var groupsRenamed = 0
    public var groupsRemoved = 0
    public var groupsUnchanged = 0
    public var membershipsAdded = 0
    public var membershipsRemoved = 0
    public var peopleRead = DirectorySearchSummary(entries: 0, pages: 0)
    public var groupsRead = DirectorySearchSummary(entries: 0, pages: 0)
    /// Entries skipped and conflicts, one line each.
    public var issues: [ImportIssue] = []
    /// Where the next incremental import starts.
    public var changeMark: String?

    public init(source: String, kind: DirectorySource.ImportKind, dryRun: Bool) {
        self.source = source
        self.kind = kind
        self.dryRun = dryRun
    }

    public var changesAnything: Bool {
        peopleAdded + peopleUpdated + peopleRenamed + peopleRemoved + groupsAdded + groupsUpdated + groupsRenamed + groupsRemoved
            + membershipsAdded + membershipsRemoved > 0
    }

    public var description: String {
        var text = "\(kind.rawValue) import of \(source)"
        if dryRun { text += " (dry run, nothing saved: would change)" }
        text += ": people \(peopleAdded) added, \(peopleUpdated) updated, \(peopleRenamed) renamed, \(peopleRemoved) removed, \(peopleUnchanged) unchanged"
        text += "; groups \(groupsAdded) added, \(groupsUpdated) updated, \(groupsRenamed) renamed, \(groupsRemoved) removed, \(groupsUnchanged) unchanged"
        text += "; memberships \(membershipsAdded) added, \(membershipsRemoved) removed"
        text += "; read \(peopleRead.entries) people in \(peopleRead.pages) page(s), \(groupsRead.entries) groups in \(groupsRead.pages) page(s)"
        if !issues.isEmpty { text += "; \(issues.count) skipped or in conflict" }
        return text
    }
}
