import GRDB

/// Brings `groupNesting` and `membership` in line with a batch when groups contain groups, inside
/// the caller's transaction.
///
/// The store keeps both sides of nesting: the nesting itself (`groupNesting`, as the files said it)
/// and the flattened memberships (`membership`, what provisioning reads), each flagged `direct` or
/// only through a contained group. Keeping the nesting is what lets an import that changes one inner
/// group (even a file holding that group alone) update every group that contains it; keeping the
/// `direct` flag is what lets a person who leaves the inner group leave the outer ones too, unless
/// the outer group names them itself. Every import that meets nesting (in the file or in the store)
/// works out the direct memberships after the file, expands them, and writes only the difference,
/// so a re-import with no change writes nothing and a dry run reports exactly what would change.
struct NestedMembershipApplier {
    /// Whose direct memberships the file states in full (see `DirectoryBatch.MembershipAuthority`).
    enum Owners {
        case groups(Set<Int64>)
        case people(Set<Int64>)
    }

    /// Whether nesting plays any part: the file nests groups, or the store holds nesting or
    /// memberships that came through it. Without, the plain `MembershipApplier` does the job, and
    /// a CSV of 100,000 people pays for two index probes.
    static func isNeeded(fileNests: Bool, _ db: Database) throws -> Bool {
        if fileNests { return true }
        return try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM groupNesting) OR EXISTS (SELECT 1 FROM membership WHERE direct = 0)
            """) ?? true
    }

    /// `wanted` holds the (group, person) memberships the file states for `owners`; `nesting` the
    /// groups each group of the file contains, for the groups whose member list the file gives.
    /// `names` and `lines` are for naming cycles.
    func apply(
        owners: Owners, wanted: [MembershipApplier.Pair], nesting: [Int64: [Int64]],
        names: [Int64: String], lines: [Int64: Int], _ db: Database, report: inout ImportReport
    ) throws {
        let children = try applyNesting(nesting, db, report: &report)

        // Read to the end before writing: the cursor walks the table the writes change.
        var stored: [GroupExpansion.Member] = []
        var direct: [Int64: [Int64]] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT groupId, personId, direct FROM membership ORDER BY groupId, personId")
        while let row = try rows.next() {
            let member = GroupExpansion.Member(group: row[0], person: row[1], direct: row[2])
            stored.append(member)
            guard member.direct else { continue }
            switch owners {
            case let .groups(groups) where groups.contains(member.group): continue
            case let .people(people) where people.contains(member.person): continue
            default: direct[member.group, default: []].append(member.person)
            }
        }
        for pair in wanted { direct[pair.owner, default: []].append(pair.member) }
        for (group, people) in direct {
            var unique = people.sorted()
            unique.removeDuplicates()
            direct[group] = unique
        }

        let expansion = GroupExpansion(direct: direct, children: children)
        for cycle in expansion.cycles {
            // A cycle can run through groups an earlier file brought: their names are in the store.
            let path = try cycle.map { id in
                try names[id] ?? String.fetchOne(db, sql: "SELECT name FROM directoryGroup WHERE id = ?", arguments: [id]) ?? "group \(id)"
            }.joined(separator: " ⊃ ")
            report.issues.append(ImportIssue(
                line: lines[cycle[0]] ?? 0,
                reason: "nested groups form a cycle: \(path); expanded once, so each of them holds the people of all of them",
                severity: .warning))
        }
        try write(expansion.members, over: stored, db, report: &report)
    }

    /// Replaces the nesting of the groups the file describes; returns every nesting after it.
    private func applyNesting(_ nesting: [Int64: [Int64]], _ db: Database, report: inout ImportReport) throws -> [Int64: [Int64]] {
        var children: [Int64: Set<Int64>] = [:]
        var removed: [(Int64, Int64)] = []
        for row in try Row.fetchAll(db, sql: "SELECT groupId, memberGroupId FROM groupNesting") {
            let parent: Int64 = row[0], child: Int64 = row[1]
            if let wanted = nesting[parent], !wanted.contains(child) {
                removed.append((parent, child))
            } else {
                children[parent, default: []].insert(child)
            }
        }
        let insert = try db.cachedStatement(sql: "INSERT INTO groupNesting (groupId, memberGroupId) VALUES (?, ?)")
        for (parent, kids) in nesting.sorted(by: { $0.key < $1.key }) {
            for child in kids where children[parent, default: []].insert(child).inserted {
                try insert.execute(arguments: [parent, child])
                report.groupNestingAdded += 1
            }
        }
        let delete = try db.cachedStatement(sql: "DELETE FROM groupNesting WHERE groupId = ? AND memberGroupId = ?")
        for (parent, child) in removed {
            try delete.execute(arguments: [parent, child])
            report.groupNestingRemoved += 1
        }
        return children.mapValues { Array($0) }
    }

    /// Writes the difference between the memberships wanted and those stored, both sorted by
    /// (group, person).
    private func write(_ wanted: [GroupExpansion.Member], over stored: [GroupExpansion.Member], _ db: Database, report: inout ImportReport) throws {
        var toInsert: [GroupExpansion.Member] = []
        var toDelete: [GroupExpansion.Member] = []
        var toFlag: [GroupExpansion.Member] = []
        var next = 0
        for old in stored {
            while next < wanted.count, Self.precedes(wanted[next], old) {
                toInsert.append(wanted[next])
                next += 1
            }
            if next < wanted.count, wanted[next].group == old.group, wanted[next].person == old.person {
                if wanted[next].direct != old.direct { toFlag.append(wanted[next]) }
                next += 1
            } else {
                toDelete.append(old)
            }
        }
        toInsert += wanted[next...]

        try insert(toInsert, db)
        report.membershipsAdded += toInsert.count
        report.membershipsAddedThroughNesting += toInsert.count(where: { !$0.direct })
        let delete = try db.cachedStatement(sql: "DELETE FROM membership WHERE groupId = ? AND personId = ?")
        for member in toDelete {
            try delete.execute(arguments: [member.group, member.person])
        }
        report.membershipsRemoved += toDelete.count
        report.membershipsRemovedThroughNesting += toDelete.count(where: { !$0.direct })
        let flag = try db.cachedStatement(sql: "UPDATE membership SET direct = ? WHERE groupId = ? AND personId = ?")
        for member in toFlag {
            try flag.execute(arguments: [member.direct, member.group, member.person])
        }
        report.membershipsReclassified += toFlag.count
    }

    private static func precedes(_ left: GroupExpansion.Member, _ right: GroupExpansion.Member) -> Bool {
        (left.group, left.person) < (right.group, right.person)
    }

    /// Rows per INSERT statement, as in `MembershipApplier` (3 × 300 parameters).
    private static let rowsPerInsert = 300

    private func insert(_ members: [GroupExpansion.Member], _ db: Database) throws {
        var start = 0
        while start < members.count {
            let end = min(start + Self.rowsPerInsert, members.count)
            let rows = repeatElement("(?, ?, ?)", count: end - start).joined(separator: ", ")
            let statement = try db.cachedStatement(sql: "INSERT INTO membership (groupId, personId, direct) VALUES \(rows)")
            var values: [Int64] = []
            values.reserveCapacity(3 * (end - start))
            for member in members[start..<end] {
                values.append(member.group)
                values.append(member.person)
                values.append(member.direct ? 1 : 0)
            }
            try statement.execute(arguments: StatementArguments(values))
            start = end
        }
    }
}

extension Array where Element: Equatable {
    /// Drops each element equal to the one before it: on a sorted array, the duplicates.
    fileprivate mutating func removeDuplicates() {
        var kept = 0
        for index in indices where kept == 0 || self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
