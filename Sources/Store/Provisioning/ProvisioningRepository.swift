import Foundation
import GRDB

/// The queries the provisioning engine runs over one app: who is in scope, what is linked,
/// which journal entries a killed run left unfinished, and the request log.
///
/// Plain create/update/delete of these records is `ScimdeckStore.records(_:)`.
public struct ProvisioningRepository: Sendable {
    let writer: any DatabaseWriter

    /// Everyone in scope for the app (assigned directly or through an assigned group), by login.
    /// Deactivated and suspended people are included: the engine decides what their status means.
    public func scope(appId: Int64) throws -> [ScopedPerson] {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.*, 1 AS direct, NULL AS viaGroupId
                  FROM assignment a JOIN person p ON p.id = a.personId
                 WHERE a.appId = ?1
                UNION ALL
                SELECT p.*, 0 AS direct, a.groupId AS viaGroupId
                  FROM assignment a JOIN membership m ON m.groupId = a.groupId JOIN person p ON p.id = m.personId
                 WHERE a.appId = ?1
                ORDER BY loginKey, viaGroupId
                """, arguments: [appId])
            var scoped: [ScopedPerson] = []
            var indexById: [Int64: Int] = [:]
            for row in rows {
                let person = try Person(row: row)
                guard let id = person.id else { continue }
                let index: Int
                if let known = indexById[id] {
                    index = known
                } else {
                    index = scoped.count
                    indexById[id] = index
                    scoped.append(ScopedPerson(personID: id, person: person, assignedDirectly: false, viaGroupIds: []))
                }
                if row["direct"] as Bool {
                    scoped[index].assignedDirectly = true
                } else if let groupId = row["viaGroupId"] as Int64? {
                    scoped[index].viaGroupIds.append(groupId)
                }
            }
            return scoped
        }
    }

    /// The link of one local person (`.user`) or group (`.group`) in the app, if any.
    public func remoteLink(appId: Int64, kind: RemoteLink.Kind, localId: Int64) throws -> RemoteLink? {
        try writer.read { db in
            try RemoteLink
                .filter(Column("appId") == appId && Column("kind") == kind.rawValue && Column("localId") == localId)
                .fetchOne(db)
        }
    }

    /// Every link of one kind in the app, by local id.
    public func remoteLinks(appId: Int64, kind: RemoteLink.Kind) throws -> [RemoteLink] {
        try writer.read { db in
            try RemoteLink.filter(Column("appId") == appId && Column("kind") == kind.rawValue).order(Column("localId")).fetchAll(db)
        }
    }

    /// Journal entries not yet finished (planned, or sending when the process died), oldest run first,
    /// in plan order: what a resumed run must look at before planning anew.
    public func unfinishedJournalEntries(appId: Int64) throws -> [JournalEntry] {
        try writer.read { db in
            try JournalEntry
                .filter(Column("appId") == appId && [JournalEntry.State.planned.rawValue, JournalEntry.State.sending.rawValue].contains(Column("state")))
                .order(Column("id"))
                .fetchAll(db)
        }
    }

    /// The newest `limit` requests of the app, newest first (the Log tab).
    public func requestLog(appId: Int64, limit: Int = 200) throws -> [RequestLogEntry] {
        try writer.read { db in
            try RequestLogEntry.filter(Column("appId") == appId).order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}

extension ProvisioningRepository {
    /// The failed entries of the app's latest run: the operations the next sync will try again.
    public func failedOperationsOfLatestRun(appId: Int64) throws -> [JournalEntry] {
        try writer.read { db in
            guard let runId = try String.fetchOne(db, sql: "SELECT runId FROM journalEntry WHERE appId = ? ORDER BY id DESC LIMIT 1", arguments: [appId]) else { return [] }
            return try JournalEntry.filter(Column("runId") == runId && Column("state") == JournalEntry.State.failed.rawValue).order(Column("id")).fetchAll(db)
        }
    }
}
