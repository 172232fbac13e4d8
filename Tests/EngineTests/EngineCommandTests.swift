import Foundation
import TestSupport
import XCTest

/// The engine's commands through the built binary: settings round trip, a failing sync leaving
/// tasks, a retry clearing them, and the token never printed.
final class EngineCommandTests: XCTestCase {
    func test_appSettingsSyncFailureTasksAndRetryWithoutEverPrintingTheToken() async throws {
        let server = try SCIMServerFixture.start()
        defer { server.stop() }
        let directory = try TestEnvironment.makeTemporaryDirectory("engine-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("store.sqlite").path
        let goodToken = directory.appendingPathComponent("good-token")
        let badToken = directory.appendingPathComponent("bad-token")
        try Data((server.token + "\n").utf8).write(to: goodToken)
        try Data("wrong-token-0123456789".utf8).write(to: badToken)
        var printed = ""

        func scimdeck(_ arguments: [String], expect status: Int32 = 0) throws -> ScimdeckRun {
            let run = try ScimdeckRun.run(arguments + ["--store", store], in: directory)
            printed += run.stdout + run.stderr
            XCTAssertEqual(run.status, status, "scimdeck \(arguments.joined(separator: " ")): \(run.stdout) \(run.stderr)")
            return run
        }

        _ = try scimdeck(["directory", "add", "person", "zoe@corp.example", "--first-name", "Zoë", "--last-name", "Martin", "--email", "zoe@corp.example"])
        _ = try scimdeck(["app", "add", "--catalog", "axiad cloud", "--label", "Axiad (test)"])
        _ = try scimdeck(["app", "add", "--catalog", "Axiad Cloud", "--label", "AXIAD (TEST)"], expect: 1)
        _ = try scimdeck(["app", "set", "--app", "axiad (test)", "--base-url", "http://example.com/scim"], expect: 64)
        _ = try scimdeck(["app", "set", "--app", "Axiad (test)", "--base-url", server.baseURL.absoluteString, "--token-file", badToken.path,
                          "--enable-api-integration", "--create-users", "on", "--acs-url", "https://axiad.example/saml/acs", "--name-id-format", "emailAddress"])
        _ = try scimdeck(["assign", "--app", "Axiad (test)", "--person", "zoe@corp.example"])

        let shown = try XCTUnwrap(try scimdeck(["app", "show", "--app", "Axiad (test)", "--json"]).json() as? [String: Any])
        let settings = try XCTUnwrap(shown["settings"] as? [String: Any])
        XCTAssertEqual(settings["apiToken"] as? String, "••••6789")
        XCTAssertEqual(settings["createUsers"] as? Bool, true)
        XCTAssertEqual(settings["updateUserAttributes"] as? Bool, false)
        XCTAssertEqual((shown["signOn"] as? [String: Any])?["nameIDFormat"] as? String, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
        XCTAssertEqual((shown["mappings"] as? [[String: Any]])?.first?["expression"] as? String, "user.email")

        let failed = try scimdeck(["sync", "--app", "Axiad (test)"], expect: 1)
        XCTAssertTrue(failed.stdout.contains("401"), failed.stdout)
        let tasks = try XCTUnwrap(try scimdeck(["tasks", "list", "--app", "Axiad (test)", "--json"]).json() as? [[String: Any]])
        XCTAssertEqual(tasks.count, 1)
        XCTAssertEqual(tasks.first?["operation"] as? String, "create or link user")
        XCTAssertTrue((tasks.first?["error"] as? String ?? "").contains("401"))

        _ = try scimdeck(["app", "set", "--app", "Axiad (test)", "--token-file", goodToken.path])
        let retried = try scimdeck(["tasks", "retry", "--app", "Axiad (test)"])
        XCTAssertTrue(retried.stdout.contains("create or link user: 1"), retried.stdout)
        let after = try XCTUnwrap(try scimdeck(["tasks", "list", "--app", "Axiad (test)", "--json"]).json() as? [[String: Any]])
        XCTAssertTrue(after.isEmpty)

        // The Log tab from the command line: the requests, newest first, and one whole with its bodies.
        let log = try XCTUnwrap(try scimdeck(["log", "--app", "Axiad (test)", "--json"]).json() as? [[String: Any]])
        XCTAssertTrue(log.contains { $0["status"] as? Int == 401 }, "the refused request is logged")
        let created = try XCTUnwrap(log.first { $0["method"] as? String == "POST" && $0["status"] as? Int == 201 }, "\(log)")
        XCTAssertNil(created["requestBody"], "the list leaves the bodies out")
        let id = try XCTUnwrap(created["id"] as? Int)
        let whole = try scimdeck(["log", "--app", "Axiad (test)", "--id", String(id)])
        XCTAssertTrue(whole.stdout.hasPrefix("POST "), whole.stdout)
        XCTAssertTrue(whole.stdout.contains(#""userName" : "zoe@corp.example""#), whole.stdout)
        _ = try scimdeck(["log", "--app", "Axiad (test)", "--id", "999999"], expect: 64)

        XCTAssertFalse(printed.contains(server.token), "the API token was printed")
        XCTAssertFalse(printed.contains("wrong-token-0123456789"), "the API token was printed")
    }
}
