import Foundation
import GRDB

/// Writes a validated batch into the store inside the caller's transaction.
///
/// People are matched by login, case-insensitively: a new login is inserted, a known one is
/// updated only when something differs, so re-importing a file changes nothing. People missing
/// from the file are left alone. Memberships follow the batch's authority side (see
/// `DirectoryBatch.MembershipAuthority`). Statements are prepared once and reused: 100,000 people
/// take one pass.
struct DirectoryImportApplier {
    private struct StoredPerson {
        var id: Int64
        var login: String
        var firstName: String
        var lastName: String
        var email: String
        var status: String
        var attributes: String
        var externalKey: String?
    }

    private struct StoredGroup {
        var id: Int64
        var name: String
        var description: String
        var externalKey: String?
    }

    func apply(_ batch: DirectoryBatch, to db: Database, report: inout ImportReport) throws {
        // Formatted once: GRDB formats a Date on every binding, 7% of a 100,000-person import.
        let now = Date().databaseValue
        let personIds = try applyPeople(batch, db, now: now, report: &report)
        let groupIds = try applyGroups(batch, db, now: now, report: &report)
        try applyMemberships(batch, db, personIds: personIds, groupIds: groupIds, report: &report)
    }

    /// Returns the id of every person of the batch, by login key.
    private func applyPeople(_ batch: DirectoryBatch, _ db: Database, now: DatabaseValue, report: inout ImportReport) throws -> [String: Int64] {
        var stored: [String: StoredPerson] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, loginKey, login, firstName, lastName, email, status, attributes, externalKey FROM person
            """)
        while let row = try rows.next() {
            stored[row["loginKey"]] = StoredPerson(
                id: row["id"], login: row["login"], firstName: row["firstName"], lastName: row["lastName"],
                email: row["email"], status: row["status"], attributes: row["attributes"], externalKey: row["externalKey"])
        }

        let insert = try db.cachedStatement(sql: """
            INSERT INTO person (login, loginKey, firstName, lastName, email, status, attributes, source, externalKey, searchKey, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE person SET login = ?, firstName = ?, lastName = ?, email = ?, status = ?, attributes = ?, source = ?,
            externalKey = ?, searchKey = ?, updatedAt = ? WHERE id = ?
            """)
        var ids: [String: Int64] = [:]
        ids.reserveCapacity(batch.people.count)
        // In login order, so the login index grows at its end instead of at random pages: with
        // 100,000 people the index outgrows SQLite's page cache and random inserts thrash it.
        let people = batch.people.map { (key: Person.loginKey($0.login), person: $0) }.sorted { $0.key < $1.key }
        for (key, person) in people {
            let status = (person.status ?? .active).rawValue
            let attributes = AttributesCoding.encode(person.attributes)
            let searchKey = Person.searchKey(login: person.login, firstName: person.firstName, lastName: person.lastName, email: person.email)
            if let existing = stored[key] {
                ids[key] = existing.id
                let externalKey = person.externalKey ?? existing.externalKey
                let same = existing.login == person.login && existing.firstName == person.firstName
                    && existing.lastName == person.lastName && existing.email == person.email && existing.status == status
                    && existing.attributes == attributes && existing.externalKey == externalKey
                if same {
                    report.peopleUnchanged += 1
                    continue
                }
                try update.execute(arguments: [
                    person.login, person.firstName, person.lastName, person.email, status, attributes, batch.source,
                    externalKey, searchKey, now, existing.id,
                ])
                report.peopleUpdated += 1
            } else {
                try insert.execute(arguments: [
                    person.login, key, person.firstName, person.lastName, person.email, status, attributes, batch.source,
                    person.externalKey, searchKey, now,
                ])
                ids[key] = db.lastInsertedRowID
                report.peopleAdded += 1
            }
        }
        return ids
    }

    /// Creates or updates the groups the batch describes or names; returns their ids by name key.
    private func applyGroups(_ batch: DirectoryBatch, _ db: Database, now: DatabaseValue, report: inout ImportReport) throws -> [String: Int64] {
        var stored: [String: StoredGroup] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, nameKey, name, description, externalKey FROM directoryGroup") {
            stored[row["nameKey"]] = StoredGroup(id: row["id"], name: row["name"], description: row["description"], externalKey: row["externalKey"])
        }
        // Described groups first, then the names people's group lists mention.
        var wanted: [(name: String, description: String?, externalKey: String?)] = batch.groups.map { ($0.name, $0.description, $0.externalKey) }
        var seen = Set(batch.groups.map { DirectoryGroup.nameKey($0.name) })
        for person in batch.people {
            for name in person.groups ?? [] where seen.insert(DirectoryGroup.nameKey(name)).inserted {
                wanted.append((name, nil, nil))
            }
        }

        let insert = try db.cachedStatement(sql: """
            INSERT INTO directoryGroup (name, nameKey, description, source, externalKey, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let update = try db.cachedStatement(sql: """
            UPDATE directoryGroup SET name = ?, description = ?, externalKey = ?, updatedAt = ? WHERE id = ?
            """)
        var ids: [String: Int64] = [:]
        for group in wanted {
            let key = DirectoryGroup.nameKey(group.name)
            if let existing = stored[key] {
                ids[key] = existing.id
                let description = group.description ?? existing.description
                let externalKey = group.externalKey ?? existing.externalKey
                if existing.name == group.name, existing.description == description, existing.externalKey == externalKey {
                    report.groupsUnchanged += 1
                } else {
                    try update.execute(arguments: [group.name, description, externalKey, now, existing.id])
                    report.groupsUpdated += 1
                }
            } else {
                try insert.execute(arguments: [group.name, key, group.description ?? "", batch.source, group.externalKey, now])
                ids[key] = db.lastInsertedRowID
                report.groupsAdded += 1
            }
        }
        return ids
    }

    private func applyMemberships(
        _ batch: DirectoryBatch, _ db: Database, personIds: [String: Int64], groupIds: [String: Int64], report: inout ImportReport
    ) throws {
        // Desired memberships of the authoritative side, as (owner id → member ids).
        var desired: [Int64: Set<Int64>] = [:]
        let ownerColumn: String
        let memberColumn: String
        switch batch.membershipAuthority {
        case .none:
            return
        case .people:
            (ownerColumn, memberColumn) = ("personId", "groupId")
            for person in batch.people {
                guard let names = person.groups, let personId = personIds[Person.loginKey(person.login)] else { continue }
                desired[personId] = Set(names.compactMap { groupIds[DirectoryGroup.nameKey($0)] })
            }
        case .groups:
            (ownerColumn, memberColumn) = ("groupId", "personId")
            for group in batch.groups {
                guard let logins = group.memberLogins, let groupId = groupIds[DirectoryGroup.nameKey(group.name)] else { continue }
                desired[groupId] = Set(logins.compactMap { personIds[Person.loginKey($0)] })
            }
        }

        var existing: [Int64: Set<Int64>] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT \(ownerColumn), \(memberColumn) FROM membership")
        while let row = try rows.next() {
            let owner: Int64 = row[0]
            guard desired[owner] != nil else { continue }
            existing[owner, default: []].insert(row[1])
        }

        let insert = try db.cachedStatement(sql: "INSERT INTO membership (\(ownerColumn), \(memberColumn)) VALUES (?, ?)")
        let delete = try db.cachedStatement(sql: "DELETE FROM membership WHERE \(ownerColumn) = ? AND \(memberColumn) = ?")
        // Changes are applied in key order, for the same reason people are.
        for owner in desired.keys.sorted() {
            let members = desired[owner] ?? []
            let current = existing[owner] ?? []
            for member in members.subtracting(current).sorted() {
                try insert.execute(arguments: [owner, member])
                report.membershipsAdded += 1
            }
            for member in current.subtracting(members).sorted() {
                try delete.execute(arguments: [owner, member])
                report.membershipsRemoved += 1
            }
        }
    }
}
