import Foundation
import Store
import XCTest

final class DirectoryGeneratorTests: StoreTestCase {
    private func generate(_ name: String, people: Int, groups: Int, seed: UInt64 = 2_025) throws -> String {
        let url = directory.appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try DirectoryGenerator(people: people, groups: groups, seed: seed).write(to: handle)
        try handle.close()
        return url.path
    }

    func test_sameSeedSameFileOtherSeedOtherFile() throws {
        let first = try Data(contentsOf: URL(fileURLWithPath: try generate("a.csv", people: 500, groups: 20)))
        let second = try Data(contentsOf: URL(fileURLWithPath: try generate("b.csv", people: 500, groups: 20)))
        let other = try Data(contentsOf: URL(fileURLWithPath: try generate("c.csv", people: 500, groups: 20, seed: 7)))
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(first, other)
    }

    func test_generatedDirectoryImportsCleanly() throws {
        let store = try openStore()
        let report = try importFile(try generate("d.csv", people: 2_000, groups: 40), into: store)
        XCTAssertEqual(report.issues, [])
        XCTAssertEqual(report.peopleAdded, 2_000)
        XCTAssertEqual(try store.directory.groupsCount(), 40)
        let memberships = try store.directory.membershipsCount()
        XCTAssertGreaterThanOrEqual(memberships, 2_000)
        XCTAssertLessThanOrEqual(memberships, 6_000)
        XCTAssertFalse(try store.directory.people(filter: "zoë").isEmpty)
    }
}
