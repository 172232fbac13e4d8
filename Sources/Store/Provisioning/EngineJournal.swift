import Foundation
import GRDB

/// The engine's writes: each journal update and the link changes it brings in one transaction,
/// so a process killed between two statements leaves either both or neither.
public struct EngineJournal: Sendable {
    let writer: any DatabaseWriter

    /// Reads the planner's input for the app.
    public func state(appId: Int64) throws -> EngineState {
        try writer.read { db in try Self.state(db, appId: appId) }
    }

    static func state(_ db: Database, appId: Int64) throws -> EngineState {
        return EngineState(
            settings: try ProvisioningSettings.fetchOne(db, key: appId),
            mappings: try AttributeMapping.filter(Column("appId") == appId).order(Column("id")).fetchAll(db),
            people: try EngineStateRows.people(db),
            groups: try DirectoryGroup.order(Column("id")).fetchAll(db),
            memberships: try EngineStateRows.memberships(db),
            assignments: try EngineStateRows.assignments(db, appId: appId),
            userLinks: try EngineStateRows.userLinks(db, appId: appId),
            groupLinks: try RemoteLink.filter(Column("appId") == appId && Column("kind") == RemoteLink.Kind.group.rawValue).fetchAll(db),
            pushLinks: try PushGroupLink.filter(Column("appId") == appId).order(Column("id")).fetchAll(db),
            pushedMembers: try PushedMember.filter(Column("appId") == appId).fetchAll(db),
            rules: try PushGroupRule.filter(Column("appId") == appId).order(Column("id")).fetchAll(db)
        )
    }

    /// Journals an operation as being sent; returns the entry's id.
    public func start(appId: Int64, runId: String, sequence: Int, operation: String, targetKind: RemoteLink.Kind, localId: Int64, payload: String) throws -> Int64 {
        try writer.write { db in
            try Self.start(db, appId: appId, runId: runId, sequence: sequence, operation: operation, targetKind: targetKind,
                           localId: localId, payload: payload)
        }
    }

    static func start(_ db: Database, appId: Int64, runId: String, sequence: Int, operation: String, targetKind: RemoteLink.Kind,
                      localId: Int64, payload: String) throws -> Int64 {
        do {
            var entry = JournalEntry(appId: appId, runId: runId, sequence: sequence, operation: operation, targetKind: targetKind,
                                     localId: localId, payload: payload, state: .sending, attempts: 1)
            try entry.insert(db)
            return db.lastInsertedRowID
        }
    }

    /// Marks the entry succeeded or failed and applies the changes, together.
    public func finish(entryId: Int64, appId: Int64, error: String?, detail: String, changes: [LinkChange]) throws {
        try writer.write { db in try Self.finish(db, entryId: entryId, appId: appId, error: error, detail: detail, changes: changes) }
    }

    static func finish(_ db: Database, entryId: Int64, appId: Int64, error: String?, detail: String, changes: [LinkChange]) throws {
        let now = Date()
        try db.execute(
            sql: "UPDATE journalEntry SET state = ?, lastError = ?, payload = CASE WHEN ? = '' THEN payload ELSE json_set(CASE WHEN json_valid(payload) THEN payload ELSE '{}' END, '$.detail', ?) END, updatedAt = ? WHERE id = ?",
            arguments: [error == nil ? JournalEntry.State.succeeded.rawValue : JournalEntry.State.failed.rawValue, error, detail, detail, now, entryId]
        )
        for change in changes {
            try Self.apply(change, appId: appId, now: now, db: db)
        }
    }

    /// Applies link changes outside any journal entry (reconcile's links), in one transaction.
    public func record(appId: Int64, changes: [LinkChange]) throws {
        try writer.write { db in
            let now = Date()
            for change in changes { try Self.apply(change, appId: appId, now: now, db: db) }
        }
    }

    /// Marks journal entries a killed run left as `sending` failed: the next plan covers them again.
    /// A group whose operation was cut off may hold in the app what scimdeck never learnt of (members
    /// added whose answer was lost): its next push re-reads it whole (Push Now).
    @discardableResult
    public func abandonUnfinished(appId: Int64) throws -> Int {
        try writer.write { db in try Self.abandonUnfinished(db, appId: appId) }
    }

    static func abandonUnfinished(_ db: Database, appId: Int64) throws -> Int {
        try db.execute(
            sql: """
                UPDATE pushGroupLink SET pushNowRequested = 1 WHERE appId = ?1 AND groupId IN (
                    SELECT localId FROM journalEntry WHERE appId = ?1 AND targetKind = 'group' AND state IN ('planned', 'sending'))
                """, arguments: [appId])
        try db.execute(
            sql: "UPDATE journalEntry SET state = 'failed', lastError = 'interrupted: the run stopped before the answer was recorded', updatedAt = ? WHERE appId = ? AND state IN ('planned', 'sending')",
            arguments: [Date(), appId]
        )
        return db.changesCount
    }

    /// Asks the group's next push to re-read it whole, as Push Now does.
    public func requestFullPush(appId: Int64, groupId: Int64) throws {
        try writer.write { db in try Self.requestFullPush(db, appId: appId, groupId: groupId) }
    }

    static func requestFullPush(_ db: Database, appId: Int64, groupId: Int64) throws {
        try db.execute(sql: "UPDATE pushGroupLink SET pushNowRequested = 1 WHERE appId = ? AND groupId = ?", arguments: [appId, groupId])
    }

    /// Records a push group's outcome for the Push Groups tab.
    public func setPushStatus(appId: Int64, groupId: Int64, error: String?) throws {
        try writer.write { db in try Self.setPushStatus(db, appId: appId, groupId: groupId, error: error) }
    }

    static func setPushStatus(_ db: Database, appId: Int64, groupId: Int64, error: String?) throws {
        if let error {
            try db.execute(sql: "UPDATE pushGroupLink SET status = 'error', lastError = ? WHERE appId = ? AND groupId = ?", arguments: [error, appId, groupId])
        } else {
            try db.execute(
                sql: "UPDATE pushGroupLink SET status = 'active', lastError = NULL, lastPushedAt = ?, pushNowRequested = 0 WHERE appId = ? AND groupId = ?",
                arguments: [Date(), appId, groupId]
            )
        }
    }

    /// The app's id for each linked person among `personIds`.
    public func remoteUserIds(appId: Int64, personIds: [Int64]) throws -> [Int64: String] {
        try writer.read { db in try Self.remoteUserIds(db, appId: appId, personIds: personIds) }
    }

    static func remoteUserIds(_ db: Database, appId: Int64, personIds: [Int64]) throws -> [Int64: String] {
        var found: [Int64: String] = [:]
        for chunk in stride(from: 0, to: personIds.count, by: 500).map({ Array(personIds[$0..<min($0 + 500, personIds.count)]) }) {
            let rows = try Row.fetchAll(db, sql: "SELECT localId, remoteId FROM remoteLink WHERE appId = ? AND kind = 'user' AND localId IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments([appId] + chunk))
            for row in rows { found[row["localId"]] = row["remoteId"] as String }
        }
        return found
    }

    /// People with no link whose latest journaled operation is `operation` (the create) and failed:
    /// the app may hold them all the same. With the userName the entry recorded.
    public func unansweredCreates(appId: Int64, operation: String) throws -> [Int64: String] {
        try writer.read { db in try Self.unansweredCreates(db, appId: appId, operation: operation) }
    }

    static func unansweredCreates(_ db: Database, appId: Int64, operation: String) throws -> [Int64: String] {
        // From the few unfinished entries (journalEntry_state), each checked to be its person's newest.
        let rows = try Row.fetchAll(db, sql: """
            SELECT j.localId, json_extract(CASE WHEN json_valid(j.payload) THEN j.payload ELSE '{}' END, '$.userName') AS userName
              FROM journalEntry j
             WHERE j.appId = ?1 AND j.state IN ('failed', 'sending', 'planned') AND j.targetKind = 'user' AND j.operation = ?2
               AND NOT EXISTS (SELECT 1 FROM journalEntry k WHERE k.appId = ?1 AND k.targetKind = 'user' AND k.localId = j.localId AND k.id > j.id)
               AND NOT EXISTS (SELECT 1 FROM remoteLink l WHERE l.appId = ?1 AND l.kind = 'user' AND l.localId = j.localId)
               AND userName <> ''
            """, arguments: [appId, operation])
        var creates: [Int64: String] = [:]
        for row in rows { creates[row["localId"]] = row["userName"] as String }
        return creates
    }

    /// People whose latest journaled operation failed, with its reason.
    public func lastUserFailures(appId: Int64) throws -> [Int64: String] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT j.localId, j.lastError FROM journalEntry j
                 WHERE j.appId = ?1 AND j.state = 'failed' AND j.targetKind = 'user'
                   AND NOT EXISTS (SELECT 1 FROM journalEntry k WHERE k.appId = ?1 AND k.targetKind = 'user' AND k.localId = j.localId AND k.id > j.id)
                """, arguments: [appId])
            var failures: [Int64: String] = [:]
            for row in rows { failures[row["localId"]] = (row["lastError"] as String?) ?? "failed" }
            return failures
        }
    }

    /// The userName last journaled for each of `personIds` (people removed from the directory are
    /// named by it in a plan).
    public func lastSentUserNames(appId: Int64, personIds: [Int64]) throws -> [Int64: String] {
        try writer.read { db in try Self.lastSentUserNames(db, appId: appId, personIds: personIds) }
    }

    static func lastSentUserNames(_ db: Database, appId: Int64, personIds: [Int64]) throws -> [Int64: String] {
        guard !personIds.isEmpty else { return [:] }
        do {
            var names: [Int64: String] = [:]
            for chunk in stride(from: 0, to: personIds.count, by: 500).map({ Array(personIds[$0..<min($0 + 500, personIds.count)]) }) {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT localId, json_extract(payload, '$.userName') AS userName FROM journalEntry
                     WHERE appId = ? AND targetKind = 'user' AND json_valid(payload) AND json_extract(payload, '$.userName') <> ''
                       AND localId IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                     ORDER BY id
                    """, arguments: StatementArguments([appId] + chunk))
                for row in rows { names[row["localId"]] = row["userName"] as String }
            }
            return names
        }
    }

    /// The local person (`.user`) or group (`.group`) already linked to this id of the app, if any.
    public func localId(appId: Int64, kind: RemoteLink.Kind, remoteId: String) throws -> Int64? {
        try writer.read { db in try Self.localId(db, appId: appId, kind: kind, remoteId: remoteId) }
    }

    static func localId(_ db: Database, appId: Int64, kind: RemoteLink.Kind, remoteId: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT localId FROM remoteLink WHERE appId = ? AND kind = ? AND remoteId = ? LIMIT 1",
                           arguments: [appId, kind.rawValue, remoteId])
    }

    public func remoteGroupId(appId: Int64, groupId: Int64) throws -> String? {
        try writer.read { db in try Self.remoteGroupId(db, appId: appId, groupId: groupId) }
    }

    static func remoteGroupId(_ db: Database, appId: Int64, groupId: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT remoteId FROM remoteLink WHERE appId = ? AND kind = 'group' AND localId = ?", arguments: [appId, groupId])
    }

    private static func apply(_ change: LinkChange, appId: Int64, now: Date, db: Database) throws {
        switch change {
        case .linkUser(let personId, let remoteId, let hash, let active):
            try db.execute(sql: """
                INSERT INTO remoteLink (appId, kind, localId, remoteId, lastPayloadHash, status, lastError, updatedAt)
                VALUES (?, 'user', ?, ?, ?, ?, NULL, ?)
                ON CONFLICT (appId, kind, localId) DO UPDATE SET remoteId = excluded.remoteId,
                    lastPayloadHash = coalesce(excluded.lastPayloadHash, lastPayloadHash), status = excluded.status,
                    lastError = NULL, updatedAt = excluded.updatedAt
                """, arguments: [appId, personId, remoteId, hash, active ? "active" : "deactivated", now])
            // A tombstone of a person removed from the directory that held the same remote user is
            // done with: the person who is back (under the same userName) owns it now.
            let tombstones = "SELECT localId FROM remoteLink WHERE appId = ? AND kind = 'user' AND remoteId = ? AND localId <> ? AND localId NOT IN (SELECT id FROM person)"
            try db.execute(sql: "DELETE FROM pushedMember WHERE appId = ? AND personId IN (\(tombstones))", arguments: [appId, appId, remoteId, personId])
            try db.execute(sql: "DELETE FROM remoteLink WHERE appId = ? AND kind = 'user' AND localId IN (\(tombstones))", arguments: [appId, appId, remoteId, personId])
        case .markUserDeactivated(let personId):
            try db.execute(sql: "UPDATE remoteLink SET status = 'deactivated', lastError = NULL, updatedAt = ? WHERE appId = ? AND kind = 'user' AND localId = ?",
                           arguments: [now, appId, personId])
        case .unlinkUser(let personId):
            try db.execute(sql: "DELETE FROM remoteLink WHERE appId = ? AND kind = 'user' AND localId = ?", arguments: [appId, personId])
            try db.execute(sql: "DELETE FROM pushedMember WHERE appId = ? AND personId = ?", arguments: [appId, personId])
        case .linkGroup(let groupId, let remoteId, let name):
            try db.execute(sql: """
                INSERT INTO remoteLink (appId, kind, localId, remoteId, status, updatedAt, pushedName)
                VALUES (?, 'group', ?, ?, 'active', ?, ?)
                ON CONFLICT (appId, kind, localId) DO UPDATE SET remoteId = excluded.remoteId, status = 'active',
                    lastError = NULL, updatedAt = excluded.updatedAt, pushedName = excluded.pushedName
                """, arguments: [appId, groupId, remoteId, now, name])
            try db.execute(sql: "DELETE FROM pushedMember WHERE appId = ? AND groupId = ?", arguments: [appId, groupId])
            // A group matched by a rule has no push link yet: the run that pushed it makes one.
            try db.execute(sql: "INSERT OR IGNORE INTO pushGroupLink (appId, groupId, status) VALUES (?, ?, 'pushing')", arguments: [appId, groupId])
        case .renameGroup(let groupId, let name):
            try db.execute(sql: "UPDATE remoteLink SET pushedName = ?, updatedAt = ? WHERE appId = ? AND kind = 'group' AND localId = ?",
                           arguments: [name, now, appId, groupId])
        case .addPushedMembers(let groupId, let personIds):
            for personId in personIds {
                try db.execute(sql: "INSERT OR IGNORE INTO pushedMember (appId, groupId, personId) VALUES (?, ?, ?)", arguments: [appId, groupId, personId])
            }
        case .removePushedMembers(let groupId, let personIds):
            for personId in personIds {
                try db.execute(sql: "DELETE FROM pushedMember WHERE appId = ? AND groupId = ? AND personId = ?", arguments: [appId, groupId, personId])
            }
        case .replacePushedMembers(let groupId, let personIds):
            try db.execute(sql: "DELETE FROM pushedMember WHERE appId = ? AND groupId = ?", arguments: [appId, groupId])
            for personId in personIds {
                try db.execute(sql: "INSERT OR IGNORE INTO pushedMember (appId, groupId, personId) VALUES (?, ?, ?)", arguments: [appId, groupId, personId])
            }
        case .unlinkGroup(let groupId):
            try db.execute(sql: "DELETE FROM remoteLink WHERE appId = ? AND kind = 'group' AND localId = ?", arguments: [appId, groupId])
            try db.execute(sql: "DELETE FROM pushedMember WHERE appId = ? AND groupId = ?", arguments: [appId, groupId])
            try db.execute(sql: "DELETE FROM pushGroupLink WHERE appId = ? AND groupId = ?", arguments: [appId, groupId])
        }
    }
}
