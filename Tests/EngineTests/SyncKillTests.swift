import Foundation
import SCIM
import Store
import TestSupport
import XCTest

/// `scimdeck sync` killed with SIGKILL again and again during a 2,000-person push, then run to
/// the end: the app must hold every person and membership exactly once.
final class SyncKillTests: XCTestCase {
    func test_syncKilledRepeatedlyEndsWithEveryPersonAndMembershipExactlyOnce() async throws {
        let cli = try CLIWorkspace("sync-kill")
        defer { cli.stop() }
        let server = cli.server
        let storePath = cli.storePath
        func scimdeck(_ arguments: [String]) throws -> ScimdeckRun { try cli.run(arguments, expect: 0) }
        try cli.importGenerated(people: 2000, groups: 40, seed: 7)
        try cli.addAxiadApp("Axiad")
        let store = try ScimdeckStore(path: storePath)
        let groupNames = try store.directory.groups().map(\.group.name)
        XCTAssertEqual(groupNames.count, 40)
        _ = try scimdeck(["assign", "--app", "Axiad"] + groupNames.flatMap { ["--group", $0] })
        _ = try scimdeck(["push", "add", "--app", "Axiad"] + groupNames.flatMap { ["--group", $0] })

        // Kill at different moments: early (users), later (groups and memberships).
        for delay in [0.8, 1.7, 0.3, 2.9, 4.4, 1.1] {
            let run = try cli.background(["sync", "--app", "Axiad", "--concurrency", "4"])
            try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            run.kill()
        }
        let last = try cli.run(["sync", "--app", "Axiad", "--json"])
        XCTAssertEqual(last.status, 0, last.stderr + last.stdout)
        let after = try scimdeck(["plan", "--app", "Axiad", "--json"])
        let plan = try XCTUnwrap(try after.json() as? [String: Any])
        XCTAssertEqual((plan["operations"] as? [Any])?.count, 0, "nothing is left to send")

        // Who should be there: the active members of the assigned groups, by their email (the userName).
        let people = try store.directory.people()
        var expectedUserNames: Set<String> = []
        var expectedMembers: [String: Set<String>] = [:]
        for group in groupNames {
            for member in try store.directory.members(group: group) where member.status == .active {
                expectedUserNames.insert(member.email.lowercased())
                expectedMembers[group, default: []].insert(member.email.lowercased())
            }
        }
        XCTAssertGreaterThan(expectedUserNames.count, 1500)
        XCTAssertEqual(people.count, 2000)

        let client = SCIMClient(configuration: SCIMClientConfiguration(baseURL: server.baseURL, token: try XCTUnwrap(BearerToken(server.token))),
                                transport: EngineWorld.transport)
        let users = try await client.listAll(SCIMUser.self)
        let remoteNames = users.compactMap { $0.userName?.lowercased() }
        XCTAssertEqual(remoteNames.count, Set(remoteNames).count, "no user was created twice")
        XCTAssertEqual(Set(remoteNames), expectedUserNames)
        XCTAssertTrue(users.allSatisfy(\.active))

        let userNameByID = Dictionary(users.compactMap { user in user.id.map { ($0, user.userName?.lowercased() ?? "") } }, uniquingKeysWith: { a, _ in a })
        let groups = try await client.listAll(SCIMGroup.self)
        XCTAssertEqual(groups.count, 40, "no group was created twice")
        for group in groups {
            let name = try XCTUnwrap(group.displayName)
            let memberIDs = group.members.compactMap(\.value)
            XCTAssertEqual(memberIDs.count, Set(memberIDs).count, "\(name) holds a member twice")
            XCTAssertEqual(Set(memberIDs.compactMap { userNameByID[$0] }), expectedMembers[name] ?? [], "members of \(name)")
        }

        let links = try store.provisioning.remoteLinks(appId: try XCTUnwrap(try store.apps.app(named: "Axiad")?.id), kind: .user)
        XCTAssertEqual(links.count, expectedUserNames.count)
    }
}
