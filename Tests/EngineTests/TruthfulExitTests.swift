import Foundation
import TestSupport
import XCTest

/// `plan` and `sync` through the built binary say what is held back and exit 1 for it; a leaver
/// removed from the directory is planned by name and deactivated.
final class TruthfulExitTests: XCTestCase {
    func test_planAndSyncExitOneAndNameWhatIsHeldBack() async throws {
        let cli = try CLIWorkspace("truthful-exit")
        defer { cli.stop() }
        func scimdeck(_ arguments: [String], expect status: Int32 = 0) throws -> ScimdeckRun {
            try cli.run(arguments, expect: status)
        }
        for login in ["bob", "zoe"] {
            _ = try scimdeck(["directory", "add", "person", "\(login)@corp.example", "--first-name", login, "--last-name", "X", "--email", "\(login)@corp.example"])
        }
        try cli.addAxiadApp("Axiad", createUsers: false)
        _ = try scimdeck(["assign", "--app", "Axiad", "--person", "bob@corp.example", "--person", "zoe@corp.example"])

        let held = try scimdeck(["plan", "--app", "Axiad"], expect: 1)
        XCTAssertFalse(held.stdout.contains("the app matches the directory"), held.stdout)
        XCTAssertTrue(held.stdout.contains("held back: Create Users is off: 2 people not created in the app"), held.stdout)
        XCTAssertTrue(held.stdout.contains("  bob@corp.example"), held.stdout)
        let heldJSON = try XCTUnwrap(try scimdeck(["plan", "--app", "Axiad", "--json"], expect: 1).json() as? [String: Any])
        XCTAssertEqual((heldJSON["heldBack"] as? [[String: Any]])?.first?["reason"] as? String, "Create Users is off")
        let heldSync = try scimdeck(["sync", "--app", "Axiad"], expect: 1)
        XCTAssertTrue(heldSync.stdout.contains("held back: Create Users is off: 2 people"), heldSync.stdout)

        _ = try scimdeck(["app", "set", "--app", "Axiad", "--create-users", "on"])
        let synced = try scimdeck(["sync", "--app", "Axiad", "--json"])
        XCTAssertTrue(synced.stdout.contains("\"outcome\":\"synced\""), synced.stdout)
        _ = try scimdeck(["sync", "--app", "Axiad"])

        _ = try scimdeck(["directory", "remove", "person", "bob@corp.example"])
        let leaver = try scimdeck(["plan", "--app", "Axiad"])
        XCTAssertTrue(leaver.stdout.contains("deactivate user: 1\n  bob@corp.example (removed from the directory)"), leaver.stdout)
        let sent = try scimdeck(["sync", "--app", "Axiad"])
        XCTAssertTrue(sent.stdout.contains("deactivate user: 1"), sent.stdout)
        let settled = try scimdeck(["sync", "--app", "Axiad"])
        XCTAssertTrue(settled.stdout.contains("nothing to send: the app matches the directory"), settled.stdout)
    }
}
