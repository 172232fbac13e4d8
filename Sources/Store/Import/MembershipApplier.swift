import GRDB

/// Brings the `membership` table in line with a batch's authoritative side, inside the caller's
/// transaction: the members the file lists for an owner are added, the others of that owner removed;
/// owners the file says nothing about are left alone.
///
/// Wanted and stored memberships are both walked as sorted (owner, member) pairs, so a re-import
/// of 200,000 memberships holds two flat arrays rather than a set per person.
struct MembershipApplier {
    struct Pair: Comparable {
        var owner: Int64
        var member: Int64

        static func < (left: Pair, right: Pair) -> Bool {
            (left.owner, left.member) < (right.owner, right.member)
        }
    }

    /// `owners` are every owner the file speaks for (a person with an empty group list included);
    /// `wanted` their members.
    func apply(
        owners: [Int64], wanted: [Pair], ownerColumn: String, memberColumn: String, _ db: Database, report: inout ImportReport
    ) throws {
        let speaksFor = Set(owners)
        var wanted = wanted
        wanted.sort()
        var toInsert: [Pair] = []
        var toDelete: [Pair] = []
        var next = 0
        // Read to the end before writing: the cursor walks the table the writes change.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT \(ownerColumn), \(memberColumn) FROM membership ORDER BY \(ownerColumn), \(memberColumn)
            """)
        while let row = try rows.next() {
            let stored = Pair(owner: row[0], member: row[1])
            while next < wanted.count, wanted[next] < stored {
                if next == 0 || wanted[next - 1] != wanted[next] { toInsert.append(wanted[next]) }
                next += 1
            }
            if next < wanted.count, wanted[next] == stored {
                while next < wanted.count, wanted[next] == stored { next += 1 }
            } else if speaksFor.contains(stored.owner) {
                toDelete.append(stored)
            }
        }
        while next < wanted.count {
            if next == 0 || wanted[next - 1] != wanted[next] { toInsert.append(wanted[next]) }
            next += 1
        }

        try insert(toInsert, ownerColumn: ownerColumn, memberColumn: memberColumn, db)
        report.membershipsAdded += toInsert.count
        let delete = try db.cachedStatement(sql: "DELETE FROM membership WHERE \(ownerColumn) = ? AND \(memberColumn) = ?")
        for pair in toDelete {
            try delete.execute(arguments: [pair.owner, pair.member])
        }
        report.membershipsRemoved += toDelete.count
    }

    /// Rows per INSERT statement: binding and stepping one statement per membership was a tenth of
    /// a first import of 200,000 memberships (2 × 500 parameters stays far below SQLite's limit).
    private static let rowsPerInsert = 500

    private func insert(_ pairs: [Pair], ownerColumn: String, memberColumn: String, _ db: Database) throws {
        var start = 0
        while start < pairs.count {
            let end = min(start + Self.rowsPerInsert, pairs.count)
            let rows = repeatElement("(?, ?)", count: end - start).joined(separator: ", ")
            let statement = try db.cachedStatement(sql: "INSERT INTO membership (\(ownerColumn), \(memberColumn)) VALUES \(rows)")
            var values: [Int64] = []
            values.reserveCapacity(2 * (end - start))
            for pair in pairs[start..<end] {
                values.append(pair.owner)
                values.append(pair.member)
            }
            try statement.execute(arguments: StatementArguments(values))
            start = end
        }
    }
}
