import Foundation
import SCIM
import Store
import TestSupport
import XCTest

/// `scimdeck sync --full` through the built binary: the drift `reconcile` reports, each correction
/// printed, a dry run that only reads, a run killed while recreating groups, and the run after it
/// ending with no duplicate.
final class FullSyncCommandTests: XCTestCase {
    func test_syncFullPrintsEachCorrectionAndAKilledRunResumesWithNoDuplicate() async throws {
        let cli = try CLIWorkspace("full-sync-cli")
        defer { cli.stop() }
        let server = cli.server
        let storePath = cli.storePath
        func scimdeck(_ arguments: [String], expect status: Int32 = 0) throws -> ScimdeckRun {
            try cli.run(arguments, expect: status)
        }
        try cli.importGenerated(people: 300, groups: 12, seed: 3)
        try cli.addAxiadApp("Axiad")
        let store = try ScimdeckStore(path: storePath)
        let appID = try XCTUnwrap(try store.apps.app(named: "Axiad")?.id)
        let groupNames = try store.directory.groups().map(\.group.name)
        _ = try scimdeck(["assign", "--app", "Axiad"] + groupNames.flatMap { ["--group", $0] })
        _ = try scimdeck(["push", "add", "--app", "Axiad"] + groupNames.flatMap { ["--group", $0] })
        _ = try scimdeck(["sync", "--app", "Axiad"])

        // Tamper: every pushed group deleted in the app, one user's familyName changed.
        let inspector = SCIMClient(configuration: SCIMClientConfiguration(baseURL: server.baseURL, token: try XCTUnwrap(BearerToken(server.token))),
                                   transport: EngineWorld.transport)
        for group in try await inspector.listAll(SCIMGroup.self) {
            try await inspector.delete(SCIMGroup.self, id: try XCTUnwrap(group.id))
        }
        var someone = try XCTUnwrapValue(try await inspector.listAll(SCIMUser.self).first)
        let userName = try XCTUnwrap(someone.userName)
        let familyName = try XCTUnwrap(someone.name?.familyName)
        someone.name = SCIMName(attributes: ["givenName": .string(someone.name?.givenName ?? ""), "familyName": .string("Tampered")])
        _ = try await inspector.replace(someone)

        func log() throws -> [String] {
            try store.provisioning.requestLog(appId: appID, limit: 100_000).reversed().map { "\($0.method) \($0.path)" }
        }
        let reconciled = try scimdeck(["reconcile", "--dry-run", "--app", "Axiad"])
        XCTAssertTrue(reconciled.stdout.contains(#"drift: \#(userName) name.familyName "Tampered" → "\#(familyName)""#), reconciled.stdout)
        for name in groupNames {
            XCTAssertTrue(reconciled.stdout.contains("drift: group \(name) deleted in the app → created again"), reconciled.stdout)
        }

        let beforeDryRun = try log().count
        let preview = try scimdeck(["sync", "--full", "--dry-run", "--app", "Axiad"])
        XCTAssertTrue(try log().dropFirst(beforeDryRun).allSatisfy { $0.hasPrefix("GET ") }, "a dry run only reads")
        XCTAssertTrue(preview.stdout.contains(#"would correct: \#(userName) name.familyName "Tampered" → "\#(familyName)""#), preview.stdout)
        for name in groupNames {
            XCTAssertTrue(preview.stdout.contains("would correct: group \(name) deleted in the app → created again"), preview.stdout)
        }

        // Killed as soon as it has sent its first create: some groups recreated, others not yet.
        let beforeKill = try log().count
        let killed = try cli.background(["sync", "--full", "--app", "Axiad", "--concurrency", "1"])
        let deadline = Date().addingTimeInterval(60)
        while killed.isRunning, try !log().dropFirst(beforeKill).contains("POST /v2/Groups"), Date() < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        killed.kill()

        let resumed = try scimdeck(["sync", "--full", "--app", "Axiad"])
        XCTAssertTrue(resumed.stdout.contains("read "), resumed.stdout)
        XCTAssertFalse(resumed.stdout.contains("failed"), resumed.stdout)
        let groups = try await inspector.listAll(SCIMGroup.self)
        XCTAssertEqual(groups.compactMap(\.displayName).sorted(), groupNames.sorted(), "every pushed group exactly once")
        let users = try await inspector.listAll(SCIMUser.self)
        let restored = users.first { $0.userName == userName }
        XCTAssertEqual(restored?.name?.familyName, familyName)
        let userNameByID = Dictionary(users.compactMap { user in user.id.map { ($0, user.userName?.lowercased() ?? "") } }, uniquingKeysWith: { a, _ in a })
        for group in groups {
            let name = try XCTUnwrap(group.displayName)
            let expected = Set(try store.directory.members(group: name).filter { $0.status == .active }.map { $0.email.lowercased() })
            let members = group.members.compactMap(\.value)
            XCTAssertEqual(members.count, Set(members).count, "\(name) holds a member twice")
            XCTAssertEqual(Set(members.compactMap { userNameByID[$0] }), expected, "members of \(name)")
        }

        let plain = try scimdeck(["sync", "--app", "Axiad"])
        XCTAssertTrue(plain.stdout.contains("nothing to send"), plain.stdout)
        let again = try scimdeck(["sync", "--full", "--app", "Axiad"])
        XCTAssertTrue(again.stdout.contains("no drift"), again.stdout)
    }
}
