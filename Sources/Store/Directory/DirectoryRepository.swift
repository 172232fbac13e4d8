import Foundation
import GRDB

/// People, groups and memberships of the local directory.
///
/// Logins and group names are looked up case-insensitively, as the apps compare them.
public struct DirectoryRepository: Sendable {
    let writer: any DatabaseWriter

    // MARK: People

    /// People whose login, name or email contains `filter` (any case), ordered by login.
    public func people(filter: String? = nil, limit: Int? = nil) throws -> [Person] {
        try writer.read { db in
            var request = Person.all()
            guard let filter, !filter.isEmpty else {
                return try request.order(Person.Columns.loginKey).limit(limit ?? -1).fetchAll(db)
            }
            // `+loginKey` keeps SQLite from walking the login index and fetching every row in index
            // order (0.4 s over 100,000 people): one table scan, then the few matches are sorted.
            request = request.filter(sql: "instr(searchKey, ?) > 0", arguments: [filter.lowercased()])
            return try request.order(sql: "+loginKey").limit(limit ?? -1).fetchAll(db)
        }
    }

    /// Every person as the Directory's People table shows them, by login: the shown columns only,
    /// in one read (see `PeopleColumns`).
    public func peopleColumns() throws -> PeopleColumns {
        try writer.read { db in try PeopleColumns.fetch(db) }
    }

    public func person(login: String) throws -> Person? {
        try writer.read { db in try Self.person(login: login, db) }
    }

    public func person(id: Int64) throws -> Person? {
        try writer.read { db in try Person.fetchOne(db, key: id) }
    }

    public func peopleCount() throws -> Int {
        try writer.read { db in try Person.fetchCount(db) }
    }

    /// Adds a person; throws `StoreError.duplicateLogin` when the login is taken in any case.
    @discardableResult
    public func addPerson(_ person: Person) throws -> Person {
        try PersonValidation.check(person)
        return try writer.write { db in
            if let existing = try Self.person(login: person.login, db) {
                throw StoreError.duplicateLogin(person.login, existing: existing.login)
            }
            var person = person
            person.id = nil
            try person.insert(db)
            return person
        }
    }

    /// Saves changes to a person found by id; the login may change, but not to another person's.
    public func updatePerson(_ person: Person) throws {
        try PersonValidation.check(person)
        try writer.write { db in
            if let other = try Self.person(login: person.login, db), other.id != person.id {
                throw StoreError.duplicateLogin(person.login, existing: other.login)
            }
            var person = person
            person.updatedAt = Date()
            try person.update(db)
        }
    }

    /// Removes a person and their memberships and assignments; returns whether they existed.
    @discardableResult
    public func removePerson(login: String) throws -> Bool {
        try writer.write { db in
            try Person.filter(Person.Columns.loginKey == Person.loginKey(login)).deleteAll(db) > 0
        }
    }

    // MARK: Groups

    /// Groups whose name or description contains `filter` (any case), by name, with member counts.
    public func groups(filter: String? = nil, limit: Int? = nil) throws -> [GroupSummary] {
        try writer.read { db in
            var arguments: StatementArguments = []
            var condition = ""
            if let filter, !filter.isEmpty {
                condition = "WHERE instr(g.nameKey, ?) > 0 OR instr(lower(g.description), ?) > 0"
                arguments = [filter.lowercased(), filter.lowercased()]
            }
            let sql = """
                SELECT g.*, (SELECT COUNT(*) FROM membership m WHERE m.groupId = g.id) AS memberCount
                FROM directoryGroup g \(condition) ORDER BY g.nameKey LIMIT \(limit ?? -1)
                """
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                GroupSummary(group: try DirectoryGroup(row: row), memberCount: row["memberCount"])
            }
        }
    }

    public func group(name: String) throws -> DirectoryGroup? {
        try writer.read { db in try Self.group(name: name, db) }
    }

    public func groupsCount() throws -> Int {
        try writer.read { db in try DirectoryGroup.fetchCount(db) }
    }

    @discardableResult
    public func addGroup(_ group: DirectoryGroup) throws -> DirectoryGroup {
        try PersonValidation.checkGroupName(group.name)
        return try writer.write { db in
            if let existing = try Self.group(name: group.name, db) {
                throw StoreError.duplicateGroupName(group.name, existing: existing.name)
            }
            var group = group
            group.id = nil
            try group.insert(db)
            return group
        }
    }

    public func updateGroup(_ group: DirectoryGroup) throws {
        try PersonValidation.checkGroupName(group.name)
        try writer.write { db in
            if let other = try Self.group(name: group.name, db), other.id != group.id {
                throw StoreError.duplicateGroupName(group.name, existing: other.name)
            }
            var group = group
            group.updatedAt = Date()
            try group.update(db)
        }
    }

    /// Removes a group and its memberships (its members stay in the directory).
    @discardableResult
    public func removeGroup(name: String) throws -> Bool {
        try writer.write { db in
            try DirectoryGroup.filter(DirectoryGroup.Columns.nameKey == DirectoryGroup.nameKey(name)).deleteAll(db) > 0
        }
    }

    // MARK: Memberships

    /// Adds `login` to `group`; returns false when they were already a member.
    @discardableResult
    public func addMember(login: String, group name: String) throws -> Bool {
        try writer.write { db in
            let (personId, groupId) = try Self.ids(login: login, group: name, db)
            // A person already in through a nested group becomes a member of their own: the group names them now.
            try db.execute(sql: """
                INSERT INTO membership (groupId, personId, direct) VALUES (?, ?, 1)
                ON CONFLICT (groupId, personId) DO UPDATE SET direct = 1 WHERE direct = 0
                """, arguments: [groupId, personId])
            return db.changesCount > 0
        }
    }

    /// Removes `login` from `group`; returns false when they were not a member.
    @discardableResult
    public func removeMember(login: String, group name: String) throws -> Bool {
        try writer.write { db in
            let (personId, groupId) = try Self.ids(login: login, group: name, db)
            guard let direct = try Bool.fetchOne(db, sql: "SELECT direct FROM membership WHERE groupId = ? AND personId = ?",
                                                 arguments: [groupId, personId]) else { return false }
            guard direct else { throw StoreError.memberThroughNesting(login: login, group: name) }
            // Named by the group and also in a group nested in it: they stay, through the nesting only.
            if try Self.isInNestedGroup(personId: personId, of: groupId, db) {
                try db.execute(sql: "UPDATE membership SET direct = 0 WHERE groupId = ? AND personId = ?", arguments: [groupId, personId])
                return true
            }
            return try Membership.deleteOne(db, key: ["groupId": groupId, "personId": personId])
        }
    }

    /// Whether a group nested in `groupId`, at any depth, names the person (UNION stops at cycles).
    static func isInNestedGroup(personId: Int64, of groupId: Int64, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            WITH RECURSIVE inner(id) AS (
                SELECT memberGroupId FROM groupNesting WHERE groupId = ?
                UNION SELECT n.memberGroupId FROM groupNesting n JOIN inner ON n.groupId = inner.id
            )
            SELECT EXISTS (SELECT 1 FROM membership m JOIN inner ON m.groupId = inner.id WHERE m.personId = ? AND m.direct = 1)
            """, arguments: [groupId, personId]) ?? false
    }

    /// The members of a group, by login.
    public func members(group name: String) throws -> [Person] {
        try writer.read { db in
            guard let group = try Self.group(name: name, db), let groupId = group.id else { throw StoreError.groupNotFound(name) }
            return try Person.fetchAll(db, sql: """
                SELECT p.* FROM person p JOIN membership m ON m.personId = p.id
                WHERE m.groupId = ? ORDER BY p.loginKey
                """, arguments: [groupId])
        }
    }

    /// The groups a person belongs to, by name.
    public func groups(ofLogin login: String) throws -> [DirectoryGroup] {
        try writer.read { db in
            guard let person = try Self.person(login: login, db), let personId = person.id else { throw StoreError.personNotFound(login) }
            return try DirectoryGroup.fetchAll(db, sql: """
                SELECT g.* FROM directoryGroup g JOIN membership m ON m.groupId = g.id
                WHERE m.personId = ? ORDER BY g.nameKey
                """, arguments: [personId])
        }
    }

    public func membershipsCount() throws -> Int {
        try writer.read { db in try Membership.fetchCount(db) }
    }

    // MARK: Lookups inside a transaction

    static func person(login: String, _ db: Database) throws -> Person? {
        try Person.filter(Person.Columns.loginKey == Person.loginKey(login)).fetchOne(db)
    }

    static func group(name: String, _ db: Database) throws -> DirectoryGroup? {
        try DirectoryGroup.filter(DirectoryGroup.Columns.nameKey == DirectoryGroup.nameKey(name)).fetchOne(db)
    }

    private static func ids(login: String, group name: String, _ db: Database) throws -> (Int64, Int64) {
        guard let personId = try person(login: login, db)?.id else { throw StoreError.personNotFound(login) }
        guard let groupId = try group(name: name, db)?.id else { throw StoreError.groupNotFound(name) }
        return (personId, groupId)
    }
}
