import Foundation
import TestSupport
import XCTest

/// The `scimdeck directory …` commands, run as the built binary against a temporary store.
final class DirectoryCLITests: StoreTestCase {
    @discardableResult
    private func scimdeck(_ arguments: String..., expect status: Int32 = 0) throws -> ScimdeckRun {
        let run = try ScimdeckRun.run(arguments + ["--store", storePath], in: directory)
        XCTAssertEqual(run.status, status, "scimdeck \(arguments.joined(separator: " ")): \(run.stderr)")
        return run
    }

    private func peopleJSON(_ extra: String...) throws -> [[String: Any]] {
        let run = try ScimdeckRun.run(["directory", "list", "people", "--json", "--store", storePath] + extra, in: directory)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(try run.json() as? [[String: Any]])
    }

    func test_addListEditRemovePerson() throws {
        try scimdeck("directory", "add", "person", "zoe@example.com", "--first-name", "Zoë", "--last-name", "Martin",
                     "--email", "zoe@example.com", "--attribute", "department=R&D", "--group", "Engineering")
        try scimdeck("directory", "add", "person", "ann@example.com", "--first-name", "Ann", "--status", "suspended")

        var people = try peopleJSON()
        XCTAssertEqual(people.map { $0["login"] as? String }, ["ann@example.com", "zoe@example.com"])
        let zoe = people[1]
        XCTAssertEqual(zoe["firstName"] as? String, "Zoë")
        XCTAssertEqual(zoe["status"] as? String, "active")
        XCTAssertEqual(zoe["attributes"] as? [String: String], ["department": "R&D"])
        XCTAssertEqual(people[0]["status"] as? String, "suspended")

        XCTAssertEqual(try peopleJSON("--filter", "ZOË").map { $0["login"] as? String }, ["zoe@example.com"])

        try scimdeck("directory", "edit", "person", "ZOE@example.com", "--last-name", "Martin-Ng", "--status", "deactivated",
                     "--attribute", "department=")
        people = try peopleJSON("--filter", "zoe")
        XCTAssertEqual(people.first?["lastName"] as? String, "Martin-Ng")
        XCTAssertEqual(people.first?["status"] as? String, "deactivated")
        XCTAssertEqual(people.first?["attributes"] as? [String: String], [:])

        let removed = try scimdeck("directory", "remove", "person", "zoe@example.com")
        XCTAssertTrue(removed.stdout.contains("removed person zoe@example.com"), removed.stdout)
        XCTAssertEqual(try peopleJSON().map { $0["login"] as? String }, ["ann@example.com"])
    }

    func test_caseOnlyDuplicateAndUnknownPersonFailWithAReason() throws {
        try scimdeck("directory", "add", "person", "zoe@example.com")
        let duplicate = try scimdeck("directory", "add", "person", "Zoe@Example.com", expect: 1)
        XCTAssertTrue(duplicate.stderr.contains("differs only by case"), duplicate.stderr)
        let missing = try scimdeck("directory", "edit", "person", "ghost@example.com", "--first-name", "G", expect: 1)
        XCTAssertTrue(missing.stderr.contains("no person with login ghost@example.com"), missing.stderr)
        let badEmail = try scimdeck("directory", "add", "person", "x@example.com", "--email", "nope", expect: 1)
        XCTAssertTrue(badEmail.stderr.contains("malformed email"), badEmail.stderr)
        XCTAssertEqual(try peopleJSON().count, 1)
    }

    func test_groupsAndMemberships() throws {
        try scimdeck("directory", "add", "person", "ann@example.com")
        try scimdeck("directory", "add", "person", "bob@example.com")
        try scimdeck("directory", "add", "group", "Sales", "--description", "Sells things")
        try scimdeck("directory", "add", "member", "sales", "ann@example.com", "BOB@example.com")

        var groups = try XCTUnwrap(try scimdeck("directory", "list", "groups", "--json").json() as? [[String: Any]])
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups[0]["name"] as? String, "Sales")
        XCTAssertEqual(groups[0]["description"] as? String, "Sells things")
        XCTAssertEqual(groups[0]["memberCount"] as? Int, 2)

        try scimdeck("directory", "remove", "member", "Sales", "bob@example.com")
        try scimdeck("directory", "edit", "group", "sales", "--name", "Sales EMEA")
        groups = try XCTUnwrap(try scimdeck("directory", "list", "groups", "--json", "--filter", "emea").json() as? [[String: Any]])
        XCTAssertEqual(groups.map { $0["name"] as? String }, ["Sales EMEA"])
        XCTAssertEqual(groups.first?["memberCount"] as? Int, 1)

        try scimdeck("directory", "remove", "group", "Sales EMEA")
        XCTAssertEqual(try XCTUnwrap(try scimdeck("directory", "list", "groups", "--json").json() as? [Any]).count, 0)
        XCTAssertEqual(try peopleJSON().count, 2, "removing a group keeps its members")
    }

    func test_tableOutputShowsNonASCIINames() throws {
        try scimdeck("directory", "add", "person", "li@example.com", "--first-name", "小龙", "--last-name", "李")
        let table = try scimdeck("directory", "list", "people")
        XCTAssertTrue(table.stdout.hasPrefix("LOGIN"), table.stdout)
        XCTAssertTrue(table.stdout.contains("li@example.com  小龙 李"), table.stdout)
    }

    func test_importCommandReportsBadRowsAndExitsNonZero() throws {
        let bad = try scimdeck("directory", "import", try fixture("csv/bad-rows.csv"), expect: 1)
        XCTAssertTrue(bad.stderr.contains("bad-rows.csv: line 3: missing login"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("nothing imported"), bad.stderr)
        XCTAssertEqual(try peopleJSON().count, 0)

        let good = try scimdeck("directory", "import", try fixture("csv/people.csv"), "--format", "csv")
        XCTAssertTrue(good.stdout.contains("people 4 added"), good.stdout)
        XCTAssertEqual(try peopleJSON().count, 4)
    }

    func test_sampleDirectoryImports() throws {
        let sample = TestEnvironment.packageRoot.appendingPathComponent("Samples/directory.csv").path
        try scimdeck("directory", "import", sample)
        XCTAssertEqual(try peopleJSON().count, 50)
        let groups = try XCTUnwrap(try scimdeck("directory", "list", "groups", "--json").json() as? [[String: Any]])
        XCTAssertEqual(groups.count, 8)
        XCTAssertEqual(try peopleJSON("--filter", "Zoë").isEmpty, false)
    }

    func test_generateIsDeterministicAndImportable() throws {
        let first = try ScimdeckRun.run(["directory", "generate", "--people", "300", "--groups", "12"], in: directory)
        let second = try ScimdeckRun.run(["directory", "generate", "--people", "300", "--groups", "12"], in: directory)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, second.stdout)
        XCTAssertEqual(first.stdout.split(separator: "\n").count, 301)
        let file = directory.appendingPathComponent("generated.csv").path
        try scimdeck("directory", "generate", "--people", "300", "--groups", "12", "-o", file)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), first.stdout)
        let dryRun = try scimdeck("directory", "import", file, "--dry-run")
        XCTAssertTrue(dryRun.stdout.contains("dry run, nothing saved: would import: people 300 added"), dryRun.stdout)
        XCTAssertEqual(try peopleJSON().count, 0)
        try scimdeck("directory", "import", file)
        XCTAssertEqual(try peopleJSON().count, 300)
        XCTAssertEqual(try XCTUnwrap(try scimdeck("directory", "list", "groups", "--json").json() as? [Any]).count, 12)
    }
}
