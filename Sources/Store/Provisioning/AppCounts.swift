import GRDB

/// What the Applications list and `app list` count for an app, counted by SQLite (no row is decoded).
public struct AppCounts: Sendable, Equatable {
    public var linkedUsers: Int
    public var pushedGroups: Int
    /// Failed operations of the app's latest run: what the next sync tries again.
    public var failedTasks: Int

    public init(linkedUsers: Int = 0, pushedGroups: Int = 0, failedTasks: Int = 0) {
        self.linkedUsers = linkedUsers
        self.pushedGroups = pushedGroups
        self.failedTasks = failedTasks
    }

    static func fetch(_ db: Database, appId: Int64) throws -> AppCounts {
        let linkedUsers = try RemoteLink.filter(Column("appId") == appId && Column("kind") == RemoteLink.Kind.user.rawValue).fetchCount(db)
        let pushedGroups = try PushGroupLink.filter(Column("appId") == appId).fetchCount(db)
        let latestRun = try String.fetchOne(db, sql: "SELECT runId FROM journalEntry WHERE appId = ? ORDER BY id DESC LIMIT 1", arguments: [appId])
        var counts = AppCounts(linkedUsers: linkedUsers, pushedGroups: pushedGroups)
        if let latestRun {
            counts.failedTasks = try JournalEntry.filter(Column("runId") == latestRun && Column("state") == JournalEntry.State.failed.rawValue).fetchCount(db)
        }
        return counts
    }
}

extension ProvisioningRepository {
    /// The app's counts, in one read.
    public func counts(appId: Int64) throws -> AppCounts {
        try writer.read { db in try AppCounts.fetch(db, appId: appId) }
    }

    /// The app's counts, read without holding a thread of the cooperative pool while SQLite works.
    public func counts(appId: Int64) async throws -> AppCounts {
        try await writer.read { db in try AppCounts.fetch(db, appId: appId) }
    }
}
