import Foundation
import TestSupport
import XCTest

/// `scimdeck mapping list|set|unset|preview`, run as the built binary on a store file.
final class MappingCommandTests: XCTestCase {
    private var directory: URL!
    private var store: URL!
    private let app = ["--app", "Axiad Cloud (prod)"]

    override func setUpWithError() throws {
        directory = try TestEnvironment.makeTemporaryDirectory("scimdeck-mapping")
        store = directory.appendingPathComponent("scimdeck.sqlite")
        try expectSuccess(["app", "add", "--catalog", "Axiad Cloud", "--label", "Axiad Cloud (prod)"])
        try expectSuccess(["directory", "add", "person", "jose.nunez@corp.example", "--first-name", "José", "--last-name", "Núñez",
                           "--email", "jose.nunez@corp.example", "--attribute", "title=Jefe de ingeniería"])
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    private func expectSuccess(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> ScimdeckRun {
        let run = try ScimdeckRun.run(arguments + ["--store", store.path], in: store.deletingLastPathComponent())
        XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)", file: file, line: line)
        return run
    }

    private func expectFailure(_ arguments: [String], saying message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try ScimdeckRun.run(arguments + ["--store", store.path], in: store.deletingLastPathComponent())
        XCTAssertNotEqual(run.status, 0, "\(arguments) should fail", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)", file: file, line: line)
    }

    private func listed() throws -> [[String: Any]] {
        try XCTUnwrap(try expectSuccess(["mapping", "list"] + app + ["--json"]).json() as? [[String: Any]])
    }

    func test_listShowsTheCatalogMappingsWithUserNameFixed() throws {
        let mappings = try listed()
        XCTAssertEqual(mappings.compactMap { $0["attribute"] as? String },
                       ["userName", "name.givenName", "name.familyName", "emails[primary].value", "emails[primary].type"])
        XCTAssertEqual(mappings.first?["isEditable"] as? Bool, false)
        XCTAssertEqual(mappings[1]["expression"] as? String, "user.firstName")
        let text = try expectSuccess(["mapping", "list"] + app).stdout
        XCTAssertTrue(text.contains("fixed by Axiad Cloud"), text)
        XCTAssertTrue(text.hasPrefix("ATTRIBUTE"), text)
    }

    func test_setUnsetAndPreviewRoundTrip() throws {
        try expectSuccess(["mapping", "set"] + app + ["name.givenName", "String.toUpperCase(user.firstName)"])
        let added = try expectSuccess(["mapping", "set"] + app + ["title", "user.title", "--apply-on", "create"])
        XCTAssertEqual(added.stdout, "mapped title ← user.title (Create)\n")

        var mappings = try listed()
        XCTAssertEqual(mappings.count, 6)
        XCTAssertEqual(mappings[1]["expression"] as? String, "String.toUpperCase(user.firstName)")
        XCTAssertEqual(mappings[5]["attribute"] as? String, "title")
        XCTAssertEqual(mappings[5]["applyOn"] as? String, "create_only")

        let preview = try XCTUnwrap(try expectSuccess(["mapping", "preview"] + app + ["--person", "JOSE.NUNEZ@corp.example", "--json"]).json() as? [String: Any])
        XCTAssertEqual(preview["person"] as? String, "jose.nunez@corp.example")
        let values = try XCTUnwrap(preview["values"] as? [[String: Any]])
        var byAttribute: [String: String] = [:]
        for entry in values {
            if let attribute = entry["attribute"] as? String, let value = entry["value"] as? String { byAttribute[attribute] = value }
        }
        XCTAssertEqual(byAttribute, [
            "userName": "jose.nunez@corp.example", "name.givenName": "JOSÉ", "name.familyName": "Núñez",
            "emails[primary].value": "jose.nunez@corp.example", "emails[primary].type": "work", "title": "Jefe de ingeniería",
        ])
        let text = try expectSuccess(["mapping", "preview"] + app).stdout
        XCTAssertTrue(text.hasPrefix("preview for José Núñez (jose.nunez@corp.example)\n"), text)
        XCTAssertTrue(text.contains(#""JOSÉ""#), text)

        try expectSuccess(["mapping", "unset"] + app + ["title"])
        mappings = try listed()
        XCTAssertEqual(mappings.count, 5)
        XCTAssertFalse(mappings.contains { $0["attribute"] as? String == "title" })
        try expectFailure(["mapping", "unset"] + app + ["title"], saying: "title has no mapping")
    }

    func test_setRefusesAFixedMappingABadExpressionAndABadAttribute() throws {
        try expectFailure(["mapping", "set"] + app + ["userName", "user.login"], saying: "userName is fixed by Axiad Cloud and cannot be changed")
        try expectFailure(["mapping", "unset"] + app + ["userName"], saying: "userName is fixed by Axiad Cloud and cannot be changed")
        try expectFailure(["mapping", "set"] + app + ["name.familyName", "user.lastName +"],
                          saying: "the expression for name.familyName does not parse at column 16")
        try expectFailure(["mapping", "set"] + app + ["emails[primary", "user.email"], saying: "is not a SCIM attribute path")
        XCTAssertEqual(try listed()[2]["expression"] as? String, "user.lastName", "nothing changed")
    }

    func test_setRefusesPasswordForAnAppWithoutPasswordSyncWithTheExitCodeOfAMappingError() throws {
        let fixed = try ScimdeckRun.run(["mapping", "set"] + app + ["userName", "user.login", "--store", store.path], in: directory)
        let password = try ScimdeckRun.run(["mapping", "set"] + app + ["password", "user.login", "--store", store.path], in: directory)
        XCTAssertNotEqual(password.status, 0)
        XCTAssertEqual(password.status, fixed.status, "the exit code of other mapping errors")
        XCTAssertTrue(password.stderr.contains("password cannot be mapped for Axiad Cloud: Axiad Cloud does not support password sync"), password.stderr)
        XCTAssertFalse(try listed().contains { $0["attribute"] as? String == "password" })
    }

    func test_setPrintsTheNormalisedPathOfAMultiValuedAttribute() throws {
        let run = try expectSuccess(["mapping", "set"] + app + ["addresses.locality", "user.city"])
        XCTAssertTrue(run.stdout.contains(#"stored as addresses[type eq "work"].locality"#), run.stdout)
        XCTAssertTrue(try listed().contains { $0["attribute"] as? String == #"addresses[type eq "work"].locality"# })
    }

    func test_previewOfAnUnknownPersonSaysSo() throws {
        try expectFailure(["mapping", "preview"] + app + ["--person", "nobody@corp.example"], saying: "no person nobody@corp.example in the directory")
    }
}
