import Foundation
import GRDB
import Store
import TestSupport
import XCTest

/// An import killed with SIGKILL in the middle of its transaction leaves the store as it was.
final class ImportCrashTests: StoreTestCase {
    func test_killedImportLeavesNoHalfWrittenRows() throws {
        let binary = TestEnvironment.scimdeckBinary
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "no scimdeck binary: run `swift build` first")

        // Something already in the store, which must survive untouched.
        let store = try openStore()
        try store.directory.addPerson(Person(login: "before@example.com"))

        let csv = directory.appendingPathComponent("big.csv")
        _ = FileManager.default.createFile(atPath: csv.path, contents: nil)
        let handle = try FileHandle(forWritingTo: csv)
        try DirectoryGenerator(people: 30_000, groups: 300).write(to: handle)
        try handle.close()

        let process = Process()
        process.executableURL = binary
        process.arguments = ["directory", "import", csv.path, "--store", storePath]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()

        // Wait until the child says it is inside the transaction…
        var said = Data()
        while !String(decoding: said, as: UTF8.self).contains("in one transaction") {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said.append(chunk)
        }
        XCTAssertTrue(String(decoding: said, as: UTF8.self).contains("in one transaction"), String(decoding: said, as: UTF8.self))
        // …and until its uncommitted pages spill into the WAL file: rows are being written.
        let wal = storePath + "-wal"
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0 < 512 * 1024 {
            usleep(2_000)
        }
        let walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the import finished before it could be killed")
        XCTAssertGreaterThanOrEqual(walSize, 512 * 1024, "the child never wrote rows before it was killed")

        let reopened = try ScimdeckStore(path: storePath)
        XCTAssertEqual(try reopened.directory.people().map(\.login), ["before@example.com"])
        XCTAssertEqual(try reopened.directory.groupsCount(), 0)
        XCTAssertEqual(try reopened.directory.membershipsCount(), 0)
        XCTAssertEqual(try reopened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }, "ok")

        // And the same file imports whole afterwards.
        let report = try DirectoryImporter(store: reopened).importFile(at: csv.path)
        XCTAssertEqual(report.peopleAdded, 30_000)
        XCTAssertEqual(try reopened.directory.peopleCount(), 30_001)
    }
}
