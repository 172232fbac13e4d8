import Foundation
import GRDB

/// Writes what a source import read, inside the caller's transaction.
///
/// People and groups are matched first by the source's stable id (`StableIDRenamer`), then by login
/// and name (the file importer's applier). Memberships are
/// resolved from member DNs through the DNs this source's entries had when last read (most members
/// of a group read by an incremental import were not read this time), and written by the same
/// `NestedMembershipApplier` that file imports use, which expands nested groups.
struct SourceImportApplier {
    struct Read {
        var people: [SourcePerson]
        var groups: [SourceGroup]
        /// A full import: what the source did not return leaves the directory.
        var authoritative: Bool
        /// Stable ids of objects deleted in the source since the last import (AD tombstones).
        var deletedKeys: Set<String> = []
    }

    let sourceId: Int64
    let sourceName: String

    func apply(_ read: Read, _ db: Database, report: inout SourceImportReport) throws {
        var read = read
        try resolveManagers(&read.people, db)
        let personRenames = try renamePeople(&read.people, db, report: &report)
        let groupRenames = try renameGroups(&read.groups, db, report: &report)

        var batch = DirectoryBatch(source: sourceName)
        batch.people = read.people.map(\.person)
        batch.groups = read.groups.map(\.group)
        let validated = DirectoryBatchValidator().validate(batch)
        report.issues += validated.batch.issues
        var fileReport = ImportReport(outcome: .applied, issues: [])
        try DirectoryImportApplier().apply(validated.batch, to: db, report: &fileReport)
        // A group first made by hand and now read from the source belongs to the source.
        let claim = try db.cachedStatement(sql: "UPDATE directoryGroup SET source = ? WHERE nameKey = ? AND source <> ?")
        for group in validated.batch.groups { try claim.execute(arguments: [sourceName, DirectoryGroup.nameKey(group.name), sourceName]) }

        // A rename the file applier saw as unchanged (or updated) is reported as a rename alone.
        report.peopleAdded = fileReport.peopleAdded
        report.peopleUpdated = fileReport.peopleUpdated - personRenames.alsoChanged
        report.peopleUnchanged = fileReport.peopleUnchanged - (report.peopleRenamed - personRenames.alsoChanged)
        report.groupsAdded = fileReport.groupsAdded
        report.groupsUpdated = fileReport.groupsUpdated - groupRenames.alsoChanged
        report.groupsUnchanged = fileReport.groupsUnchanged - (report.groupsRenamed - groupRenames.alsoChanged)

        try recordDNs(read, db)
        if read.authoritative { try removeUnseen(read, db, report: &report) }
        if !read.deletedKeys.isEmpty { try removeDeleted(read.deletedKeys, db, report: &report) }
        try applyMemberships(read.groups, db, report: &report)
    }

    /// Turns each manager DN into the manager's login: among the people read now, then those this
    /// source brought before. A manager outside the source's base is left out.
    private func resolveManagers(_ people: inout [SourcePerson], _ db: Database) throws {
        guard people.contains(where: { $0.managerDNKey != nil }) else { return }
        var loginByDN: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT e.dnKey, p.login FROM directorySourceEntry e JOIN person p ON p.source = ? AND p.externalKey = e.externalKey
            WHERE e.sourceId = ? AND e.kind = 'person'
            """, arguments: [sourceName, sourceId]) {
            loginByDN[row["dnKey"]] = row["login"]
        }
        for person in people { loginByDN[person.dnKey] = person.person.login }
        for index in people.indices {
            guard let dn = people[index].managerDNKey else { continue }
            people[index].person.attributes["manager"] = loginByDN[dn]
        }
    }

    private func renamePeople(_ people: inout [SourcePerson], _ db: Database, report: inout SourceImportReport) throws -> StableIDRenamer.Result {
        let result = try StableIDRenamer(source: sourceName).renamePeople(people.map(\.person), db)
        report.peopleRenamed += result.renamed
        report.issues += result.issues
        people = people.enumerated().filter { !result.leftOut.contains($0.offset) }.map(\.element)
        return result
    }

    private func renameGroups(_ groups: inout [SourceGroup], _ db: Database, report: inout SourceImportReport) throws -> StableIDRenamer.Result {
        let result = try StableIDRenamer(source: sourceName).renameGroups(groups.map(\.group), db)
        report.groupsRenamed += result.renamed
        report.issues += result.issues
        groups = groups.enumerated().filter { !result.leftOut.contains($0.offset) }.map(\.element)
        return result
    }

    private func recordDNs(_ read: Read, _ db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO directorySourceEntry (sourceId, kind, externalKey, dnKey) VALUES (?, ?, ?, ?)
            ON CONFLICT (sourceId, kind, externalKey) DO UPDATE SET dnKey = excluded.dnKey
            """)
        for person in read.people { try upsert.execute(arguments: [sourceId, "person", person.externalKey, person.dnKey]) }
        for group in read.groups { try upsert.execute(arguments: [sourceId, "group", group.externalKey, group.dnKey]) }
    }

    /// Removes this source's people and groups that a full import did not return. A removed person's
    /// links to apps stay (tombstones), so the next sync deactivates them.
    private func removeUnseen(_ read: Read, _ db: Database, report: inout SourceImportReport) throws {
        let seenPeople = Set(read.people.map(\.externalKey))
        let seenGroups = Set(read.groups.map(\.externalKey))
        let deletePerson = try db.cachedStatement(sql: "DELETE FROM person WHERE id = ?")
        for row in try Row.fetchAll(db, sql: "SELECT id, externalKey FROM person WHERE source = ?", arguments: [sourceName]) {
            let key: String? = row["externalKey"]
            if let key, seenPeople.contains(key) { continue }
            try deletePerson.execute(arguments: [row["id"] as Int64])
            report.peopleRemoved += 1
        }
        let deleteGroup = try db.cachedStatement(sql: "DELETE FROM directoryGroup WHERE id = ?")
        for row in try Row.fetchAll(db, sql: "SELECT id, externalKey FROM directoryGroup WHERE source = ?", arguments: [sourceName]) {
            let key: String? = row["externalKey"]
            if let key, seenGroups.contains(key) { continue }
            try deleteGroup.execute(arguments: [row["id"] as Int64])
            report.groupsRemoved += 1
        }
        let forget = try db.cachedStatement(sql: "DELETE FROM directorySourceEntry WHERE sourceId = ? AND kind = ? AND externalKey = ?")
        for row in try Row.fetchAll(db, sql: "SELECT kind, externalKey FROM directorySourceEntry WHERE sourceId = ?", arguments: [sourceId]) {
            let kind: String = row["kind"], key: String = row["externalKey"]
            if (kind == "person" ? seenPeople : seenGroups).contains(key) { continue }
            try forget.execute(arguments: [sourceId, kind, key])
        }
    }

    /// Removes this source's people and groups whose objects the source deleted (links kept, as above).
    private func removeDeleted(_ keys: Set<String>, _ db: Database, report: inout SourceImportReport) throws {
        let deletePerson = try db.cachedStatement(sql: "DELETE FROM person WHERE source = ? AND externalKey = ?")
        let deleteGroup = try db.cachedStatement(sql: "DELETE FROM directoryGroup WHERE source = ? AND externalKey = ?")
        let forget = try db.cachedStatement(sql: "DELETE FROM directorySourceEntry WHERE sourceId = ? AND externalKey = ?")
        for key in keys.sorted() {
            try deletePerson.execute(arguments: [sourceName, key])
            report.peopleRemoved += db.changesCount
            try deleteGroup.execute(arguments: [sourceName, key])
            report.groupsRemoved += db.changesCount
            try forget.execute(arguments: [sourceId, key])
        }
    }

    /// Each group read is authoritative for its members: people by DN or login, groups by DN (nested).
    private func applyMemberships(_ groups: [SourceGroup], _ db: Database, report: inout SourceImportReport) throws {
        guard !groups.isEmpty else { return }
        var personByKey: [String: Int64] = [:]
        var personByLogin: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, externalKey, loginKey FROM person WHERE source = ?", arguments: [sourceName]) {
            if let key: String = row["externalKey"] { personByKey[key] = row["id"] }
            personByLogin[row["loginKey"]] = row["id"]
        }
        var groupByKey: [String: Int64] = [:]
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, externalKey, name FROM directoryGroup WHERE source = ?", arguments: [sourceName]) {
            if let key: String = row["externalKey"] { groupByKey[key] = row["id"] }
            names[row["id"]] = row["name"]
        }
        var personByDN: [String: Int64] = [:]
        var groupByDN: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, externalKey, dnKey FROM directorySourceEntry WHERE sourceId = ?", arguments: [sourceId]) {
            let kind: String = row["kind"], key: String = row["externalKey"], dn: String = row["dnKey"]
            if kind == "person" { personByDN[dn] = personByKey[key] } else { groupByDN[dn] = groupByKey[key] }
        }

        var owners = Set<Int64>()
        var wanted: [MembershipApplier.Pair] = []
        var nesting: [Int64: [Int64]] = [:]
        for group in groups {
            guard let groupId = groupByKey[group.externalKey] else { continue }
            owners.insert(groupId)
            var children: [Int64] = []
            for dn in group.memberDNKeys {
                if let personId = personByDN[dn] {
                    wanted.append(.init(owner: groupId, member: personId))
                } else if let child = groupByDN[dn], child != groupId {
                    children.append(child)
                }
            }
            for login in group.memberLogins {
                if let personId = personByLogin[Person.loginKey(login)] { wanted.append(.init(owner: groupId, member: personId)) }
            }
            nesting[groupId] = children
        }
        var membershipReport = ImportReport(outcome: .applied, issues: [])
        try NestedMembershipApplier().apply(owners: .groups(owners), wanted: wanted, nesting: nesting, names: names, lines: [:], db, report: &membershipReport)
        report.membershipsAdded += membershipReport.membershipsAdded
        report.membershipsRemoved += membershipReport.membershipsRemoved
        report.issues += membershipReport.issues
    }
}
