import Foundation
import TestSupport
import XCTest

/// `scimdeck directory source …` as a user types it, against a real slapd.
final class DirectorySourceCLITests: XCTestCase {
    private var slapd: SlapdFixture?
    private var folder: URL?

    override func tearDown() {
        slapd?.stop()
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func test_addTestImportListAndRemoveNeverShowThePassword() throws {
        let slapd = try SlapdFixture.start(seed: SlapdDirectory.person("ann") + SlapdDirectory.person("bob")
            + SlapdDirectory.groupOfNames("Engineering", members: [SlapdDirectory.personDN("ann")]))
        self.slapd = slapd
        let folder = try TestEnvironment.makeTemporaryDirectory("source-cli")
        self.folder = folder
        let store = folder.appendingPathComponent("store.sqlite").path
        let passwordFile = folder.appendingPathComponent("bind.pw")
        try Data((slapd.rootPassword + "\n").utf8).write(to: passwordFile)
        var everything = ""
        func scimdeck(_ arguments: [String], environment: [String: String]? = nil) throws -> ScimdeckRun {
            let run = try ScimdeckRun.run(arguments + ["--store", store], in: folder, environment: environment)
            everything += run.stdout + run.stderr
            return run
        }

        let add = try scimdeck(["directory", "source", "add", "corp", "--url", slapd.url, "--bind-dn", SlapdFixture.rootDN,
                                "--password-file", passwordFile.path, "--base-dn", SlapdFixture.suffix, "--page-size", "1"])
        XCTAssertEqual(add.status, 0, add.stderr)

        let test = try scimdeck(["directory", "source", "test", "corp"])
        XCTAssertEqual(test.status, 0, test.stderr)
        XCTAssertTrue(test.stdout.contains("2 people, 1 groups"), test.stdout)

        let dry = try scimdeck(["directory", "source", "import", "corp", "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("(dry run, nothing saved: would change): people 2 added"), dry.stdout)

        let first = try scimdeck(["directory", "source", "import", "corp"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("full import of corp: people 2 added"), first.stdout)
        XCTAssertTrue(first.stdout.contains("read 2 people in 2 page(s)"), "page size 1: \(first.stdout)")

        let second = try scimdeck(["directory", "source", "import", "corp"])
        XCTAssertTrue(second.stdout.hasPrefix("incremental import of corp: people 0 added, 0 updated, 0 renamed, 0 removed"), second.stdout)

        let list = try scimdeck(["directory", "source", "list"])
        XCTAssertTrue(list.stdout.contains("corp  \(slapd.url)"), list.stdout)
        XCTAssertTrue(list.stdout.contains("last import"), list.stdout)

        let people = try scimdeck(["directory", "list", "people", "--json"])
        let listed = try XCTUnwrap(try people.json() as? [[String: Any]], people.stdout + people.stderr)
        XCTAssertEqual(listed.compactMap { $0["source"] as? String }, ["corp", "corp"], "people show which source owns them")

        // A wrong password through the environment: told apart, never echoed.
        let wrong = try scimdeck(["directory", "source", "add", "bad", "--url", slapd.url, "--bind-dn", SlapdFixture.rootDN,
                                  "--password-from-env", "--base-dn", SlapdFixture.suffix],
                                 environment: ProcessInfo.processInfo.environment.merging(["SCIMDECK_BIND_PASSWORD": "wrong-horse-battery"]) { $1 })
        XCTAssertEqual(wrong.status, 0, wrong.stderr)
        let refused = try scimdeck(["directory", "source", "test", "bad"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("invalidCredentials"), refused.stderr)

        let remove = try scimdeck(["directory", "source", "remove", "bad"])
        XCTAssertEqual(remove.status, 0, remove.stderr)
        XCTAssertFalse(try scimdeck(["directory", "source", "list"]).stdout.contains("bad"))

        XCTAssertFalse(everything.contains(slapd.rootPassword), "the bind password is never printed")
        XCTAssertFalse(everything.contains("wrong-horse-battery"))
    }
}
