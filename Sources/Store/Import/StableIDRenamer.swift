import Foundation
import GRDB

/// Keeps renames renames: before people and groups are matched by login and name, a stored row of
/// the same source with the same stable id (`externalKey`: objectGUID, entryUUID, a file's
/// externalId) that now comes with another login (or group name) is renamed in place. The applier
/// that matches by login then finds it and updates the rest, so the person keeps their id, their
/// memberships and their links to apps, and the next sync renames them in the app.
/// Used by directory source imports and by file imports alike, inside the caller's transaction.
struct StableIDRenamer {
    let source: String

    struct Result {
        var renamed = 0
        /// Renamed entries whose other fields changed too.
        var alsoChanged = 0
        /// Entries left out: their new login or name is held by another person or group.
        var leftOut = IndexSet()
        var issues: [ImportIssue] = []
    }

    func renamePeople(_ people: [ImportedPerson], _ db: Database) throws -> Result {
        var result = Result()
        guard people.contains(where: { $0.externalKey != nil }) else { return result }
        let stored = try storedRows(of: people.compactMap(\.externalKey), db, sql: """
            SELECT id, externalKey, loginKey, firstName, lastName, email, status, attributes FROM person WHERE source = ? AND externalKey IS NOT NULL
            """, one: "SELECT id, externalKey, loginKey, firstName, lastName, email, status, attributes FROM person WHERE source = ? AND externalKey = ?")
        let rename = try db.cachedStatement(sql: "UPDATE person SET login = ?, loginKey = ? WHERE id = ?")
        for (index, person) in people.enumerated() {
            guard let key = person.externalKey, let row = stored[key], (row["loginKey"] as String) != person.loginKey else { continue }
            let id: Int64 = row["id"]
            if let holder = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE loginKey = ?", arguments: [person.loginKey]), holder != id {
                result.issues.append(ImportIssue(line: person.line, reason: "\(person.login): renamed in \(source), but another person already has that login; left as it was"))
                result.leftOut.insert(index)
                continue
            }
            try rename.execute(arguments: [person.login, person.loginKey, id])
            result.renamed += 1
            let same = (row["firstName"] as String) == person.firstName && (row["lastName"] as String) == person.lastName
                && (row["email"] as String) == person.email && (row["status"] as String) == (person.status ?? .active).rawValue
                && (row["attributes"] as String) == AttributesCoding.encode(person.attributes)
            if !same { result.alsoChanged += 1 }
        }
        return result
    }

    func renameGroups(_ groups: [ImportedGroup], _ db: Database) throws -> Result {
        var result = Result()
        guard groups.contains(where: { $0.externalKey != nil }) else { return result }
        let stored = try storedRows(of: groups.compactMap(\.externalKey), db, sql: """
            SELECT id, externalKey, nameKey, description FROM directoryGroup WHERE source = ? AND externalKey IS NOT NULL
            """, one: "SELECT id, externalKey, nameKey, description FROM directoryGroup WHERE source = ? AND externalKey = ?")
        let rename = try db.cachedStatement(sql: "UPDATE directoryGroup SET name = ?, nameKey = ? WHERE id = ?")
        for (index, group) in groups.enumerated() {
            let nameKey = DirectoryGroup.nameKey(group.name)
            guard let key = group.externalKey, let row = stored[key], (row["nameKey"] as String) != nameKey else { continue }
            let id: Int64 = row["id"]
            if let holder = try Int64.fetchOne(db, sql: "SELECT id FROM directoryGroup WHERE nameKey = ?", arguments: [nameKey]), holder != id {
                result.issues.append(ImportIssue(line: group.line, reason: "group \(group.name): renamed in \(source), but another group already has that name; left as it was"))
                result.leftOut.insert(index)
                continue
            }
            try rename.execute(arguments: [group.name, nameKey, id])
            result.renamed += 1
            if (row["description"] as String) != (group.description ?? "") { result.alsoChanged += 1 }
        }
        return result
    }

    /// The stored rows of this source by stable id: for a few keys (an incremental import) one
    /// indexed lookup each, else every row of the source at once.
    private func storedRows(of keys: [String], _ db: Database, sql: String, one: String) throws -> [String: Row] {
        var stored: [String: Row] = [:]
        if keys.count <= DirectoryImportApplier.lookupLimit {
            let lookup = try db.cachedStatement(sql: one)
            for key in keys {
                if let row = try Row.fetchOne(lookup, arguments: [source, key]) { stored[key] = row }
            }
        } else {
            for row in try Row.fetchAll(db, sql: sql, arguments: [source]) { stored[row["externalKey"]] = row }
        }
        return stored
    }
}
