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
    private struct StoredGroup {
        var id: Int64
        var name: String
        var description: String
        var externalKey: String?
    }

    /// SQLite's page cache while an import writes, in KiB: the login index and the membership
    /// tables of 100,000 people outgrow the default 2 MB, and evicted pages are written and read again.
    private static let importCacheKiB = 32 * 1024

    func apply(_ batch: DirectoryBatch, to db: Database, report: inout ImportReport) throws {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -\(Self.importCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        // Formatted once: GRDB formats a Date on every binding, 7% of a 100,000-person import.
        let now = Date().databaseValue
        let personIds = try applyPeople(batch, db, now: now, report: &report)
        let groupIds = try applyGroups(batch, db, now: now, report: &report)
        try applyMemberships(batch, db, personIds: personIds, groupIds: groupIds, report: &report)
    }

    /// Returns the id of every person of the batch, in the batch's order.
    ///
    /// The batch is walked in login-key byte order beside a cursor over the stored people in the
    /// same order (the loginKey index), so a re-import never holds every stored person at once.
    private func applyPeople(_ batch: DirectoryBatch, _ db: Database, now: DatabaseValue, report: inout ImportReport) throws -> [Int64] {
        let people = batch.people
        // In login order, so the login index grows at its end instead of at random pages: with
        // 100,000 people the index outgrows SQLite's page cache and random inserts thrash it.
        // The keys are taken out first: comparing through `people[i]` copied whole people.
        let keys = people.map(\.loginKey)
        let order = keys.indices.sorted { UTF8Order.precedes(keys[$0], keys[$1]) }

        let matches = try storedMatches(people, keys: keys, order: order, db)
        var ids = matches.ids
        let changed = matches.changed
        let insert = try db.cachedStatement(sql: """
            INSERT INTO person (login, loginKey, firstName, lastName, email, status, attributes, source, externalKey, searchKey, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // A file without an external key keeps the stored one.
        let update = try db.cachedStatement(sql: """
            UPDATE person SET login = ?, firstName = ?, lastName = ?, email = ?, status = ?, attributes = ?, source = ?,
            externalKey = ifnull(?, externalKey), searchKey = ?, updatedAt = ? WHERE id = ?
            """)
        for index in order {
            if ids[index] != 0, !changed[index] {
                report.peopleUnchanged += 1
                continue
            }
            if ids[index] != 0 {
                try update.execute(arguments: Self.updateArguments(people[index], id: ids[index], source: batch.source, now: now))
                report.peopleUpdated += 1
            } else {
                try insert.execute(arguments: Self.insertArguments(people[index], source: batch.source, now: now))
                ids[index] = db.lastInsertedRowID
                report.peopleAdded += 1
            }
        }
        return ids
    }

    private static func insertArguments(_ person: borrowing ImportedPerson, source: String, now: DatabaseValue) -> StatementArguments {
        let searchKey = Person.searchKey(login: person.login, firstName: person.firstName, lastName: person.lastName, email: person.email)
        return [
            person.login, person.loginKey, person.firstName, person.lastName, person.email, (person.status ?? .active).rawValue,
            AttributesCoding.encode(person.attributes), source, person.externalKey, searchKey, now,
        ]
    }

    private static func updateArguments(_ person: borrowing ImportedPerson, id: Int64, source: String, now: DatabaseValue) -> StatementArguments {
        let searchKey = Person.searchKey(login: person.login, firstName: person.firstName, lastName: person.lastName, email: person.email)
        return [
            person.login, person.firstName, person.lastName, person.email, (person.status ?? .active).rawValue,
            AttributesCoding.encode(person.attributes), source, person.externalKey, searchKey, now, id,
        ]
    }

    /// Reads only: for each person of the batch, the stored id (0 when new) and whether the stored
    /// row differs from the file. Walks `order` (login-key byte order) beside a cursor over the
    /// stored people in the same order, and is done with the cursor before anything is written.
    private func storedMatches(_ people: [ImportedPerson], keys: [String], order: [Int], _ db: Database) throws -> (ids: [Int64], changed: [Bool]) {
        var ids = [Int64](repeating: 0, count: people.count)
        var changed = [Bool](repeating: false, count: people.count)
        // A few people (an incremental import's changes) are looked up by the loginKey index: the walk
        // below would read the whole directory for them.
        if people.count <= Self.lookupLimit {
            let lookup = try db.cachedStatement(sql: """
                SELECT id, loginKey, login, firstName, lastName, email, status, attributes, externalKey FROM person WHERE loginKey = ?
                """)
            for index in people.indices {
                guard let row = try Row.fetchOne(lookup, arguments: [keys[index]]) else { continue }
                ids[index] = row[0]
                changed[index] = try !Self.isStored(people[index], as: row)
            }
            return (ids, changed)
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, loginKey, login, firstName, lastName, email, status, attributes, externalKey FROM person ORDER BY loginKey
            """)
        var storedRow = try rows.next()
        var storedKey: String? = storedRow.map { $0[1] }
        for index in order {
            while let key = storedKey, UTF8Order.precedes(key, keys[index]) {
                storedRow = try rows.next()
                storedKey = storedRow.map { $0[1] }
            }
            guard let row = storedRow, let key = storedKey, UTF8Order.same(key, keys[index]) else { continue }
            ids[index] = row[0]
            changed[index] = try !Self.isStored(people[index], as: row)
        }
        return (ids, changed)
    }

    /// Up to this many people are looked up one by one rather than by walking every stored person.
    static let lookupLimit = 2000

    /// Whether the stored row already says what the file says. Takes the person in place (`borrowing`):
    /// a copy of each person retained and released every field.
    private static func isStored(_ person: borrowing ImportedPerson, as row: Row) throws -> Bool {
        let storedLogin: String = row[2], storedFirstName: String = row[3], storedLastName: String = row[4]
        let storedEmail: String = row[5], storedStatus: String = row[6], storedAttributes: String = row[7]
        let storedExternalKey: String? = row[8]
        guard storedLogin == person.login, storedFirstName == person.firstName, storedLastName == person.lastName,
              storedEmail == person.email, storedStatus == (person.status ?? .active).rawValue else { return false }
        return storedAttributes == AttributesCoding.encode(person.attributes)
            && (person.externalKey ?? storedExternalKey) == storedExternalKey
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
        _ batch: DirectoryBatch, _ db: Database, personIds: [Int64], groupIds: [String: Int64], report: inout ImportReport
    ) throws {
        // (owner, member) on the authority's side: (person, group) for a CSV, (group, person) else.
        var owners: [Int64] = []
        var wanted: [MembershipApplier.Pair] = []
        var nesting: [Int64: [Int64]] = [:]
        switch batch.membershipAuthority {
        case .none:
            return
        case .people:
            for (index, person) in batch.people.enumerated() {
                guard let names = person.groups else { continue }
                owners.append(personIds[index])
                for name in names {
                    if let groupId = groupIds[DirectoryGroup.nameKey(name)] { wanted.append(.init(owner: personIds[index], member: groupId)) }
                }
            }
        case .groups:
            var idByLogin: [String: Int64] = [:]
            for (index, person) in batch.people.enumerated() { idByLogin[person.loginKey] = personIds[index] }
            for group in batch.groups {
                guard let logins = group.memberLogins, let groupId = groupIds[DirectoryGroup.nameKey(group.name)] else { continue }
                owners.append(groupId)
                for login in logins {
                    if let personId = idByLogin[Person.loginKey(login)] { wanted.append(.init(owner: groupId, member: personId)) }
                }
                if let inner = group.memberGroups {
                    nesting[groupId] = inner.compactMap { groupIds[DirectoryGroup.nameKey($0.trimmingSpaces)] }
                }
            }
        }

        let byPeople = batch.membershipAuthority == .people
        guard try NestedMembershipApplier.isNeeded(fileNests: nesting.values.contains { !$0.isEmpty }, db) else {
            try MembershipApplier().apply(
                owners: owners, wanted: wanted, ownerColumn: byPeople ? "personId" : "groupId",
                memberColumn: byPeople ? "groupId" : "personId", db, report: &report)
            return
        }
        var names: [Int64: String] = [:]
        var lines: [Int64: Int] = [:]
        for group in batch.groups {
            guard let groupId = groupIds[DirectoryGroup.nameKey(group.name)] else { continue }
            names[groupId] = group.name
            lines[groupId] = group.line
        }
        try NestedMembershipApplier().apply(
            owners: byPeople ? .people(Set(owners)) : .groups(Set(owners)),
            wanted: byPeople ? wanted.map { MembershipApplier.Pair(owner: $0.member, member: $0.owner) } : wanted,
            nesting: nesting, names: names, lines: lines, db, report: &report)
    }
}
