import Foundation
import GRDB
@testable import Store
import XCTest

/// A store written before nested groups were expanded opens with its memberships intact and direct.
final class GroupNestingMigrationTests: StoreTestCase {
    func test_membershipsOfAnEarlierStoreStayAndAreDirect() throws {
        let old = try DatabaseQueue(path: storePath)
        try StoreMigrations.migrator.migrate(old, upTo: "v3 attribute statements")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO person (id, login, loginKey, updatedAt) VALUES (1, 'ann.lee@corp.example.com', 'ann.lee@corp.example.com', '2026-01-01');
                INSERT INTO directoryGroup (id, name, nameKey, updatedAt) VALUES (1, 'Platform', 'platform', '2026-01-01');
                INSERT INTO membership (groupId, personId) VALUES (1, 1);
                """)
        }
        try old.close()

        let store = try openStore()
        XCTAssertTrue(try store.appliedMigrations().contains("v4 group nesting"))
        let direct = try store.writer.read { db in try Bool.fetchAll(db, sql: "SELECT direct FROM membership") }
        XCTAssertEqual(direct, [true])
        XCTAssertEqual(try store.directory.members(group: "Platform").map(\.login), ["ann.lee@corp.example.com"])
    }
}
