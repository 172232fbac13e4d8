import Foundation
import GRDB
import Store
import XCTest

final class StoreFileTests: StoreTestCase {
    func test_newStoreFileIsReadableByOwnerOnly() throws {
        let store = try openStore()
        try store.directory.addPerson(Person(login: "zoe@example.com"))
        XCTAssertEqual(try mode(storePath), 0o600)
        // The WAL file exists while the pool is open; SQLite gives it the database's mode.
        let wal = storePath + "-wal"
        if FileManager.default.fileExists(atPath: wal) {
            XCTAssertEqual(try mode(wal), 0o600)
        }
    }

    func test_missingDirectoryIsCreatedOwnerOnly() throws {
        let nested = directory.appendingPathComponent("data/scimdeck")
        let path = nested.appendingPathComponent("scimdeck.sqlite").path
        _ = try ScimdeckStore(path: path)
        XCTAssertEqual(try mode(nested.path), 0o700)
        XCTAssertEqual(try mode(path), 0o600)
    }

    func test_looseExistingFileIsTightened() throws {
        _ = try openStore()
        XCTAssertEqual(chmod(storePath, 0o644), 0)
        _ = try openStore()
        XCTAssertEqual(try mode(storePath), 0o600)
    }

    func test_fileStoreUsesWALAndForeignKeys() throws {
        let store = try openStore()
        XCTAssertEqual(try store.journalMode(), "wal")
        XCTAssertTrue(try store.foreignKeysEnabled())
    }

    func test_unwritableLocationSaysWhatToDo() throws {
        XCTAssertEqual(chmod(directory.path, 0o500), 0)
        defer { chmod(directory.path, 0o700) }
        // root ignores directory permissions: nothing to check then.
        try XCTSkipIf(getuid() == 0, "root can write anywhere")
        XCTAssertThrowsError(try ScimdeckStore(path: directory.appendingPathComponent("x/s.sqlite").path)) { error in
            XCTAssertTrue("\(error)".contains("--store"), "\(error)")
        }
    }

    func test_migrationsRunFromEmptyAndOnlyOnce() throws {
        let store = try openStore()
        let applied = try store.appliedMigrations()
        XCTAssertEqual(applied, [
            "v1 directory", "v1 apps and settings", "v1 assignments and push groups",
            "v1 remote links, journal, request log", "v1 secrets", "v2 group push state", "v3 attribute statements",
            "v4 group nesting", "v5 app run lock", "v6 sealed secrets", "v7 directory sources",
            "v8 source full import time", "v9 app request settings and learned forms",
        ])
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
        XCTAssertEqual(tables, [
            "app", "appRunLock", "assignment", "attributeMapping", "directoryGroup", "directorySource", "directorySourceEntry", "groupNesting", "journalEntry", "learnedRequestForm", "membership", "person",
            "provisioningSettings", "pushGroupLink", "pushGroupRule", "pushedMember", "remoteLink", "requestLogEntry", "secret",
            "signOnSettings",
        ])
        try store.directory.addPerson(Person(login: "ann@example.com"))
        let reopened = try openStore()
        XCTAssertEqual(try reopened.appliedMigrations(), applied)
        XCTAssertEqual(try reopened.directory.peopleCount(), 1)
    }
}
