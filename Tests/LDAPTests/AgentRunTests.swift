import Foundation
import TestSupport
import XCTest

/// `scimdeck run`, the agent, as a service runs it: a real slapd as the source, a real
/// scim2-server as the app, the built binary in between.
final class AgentRunTests: XCTestCase {
    private var slapd: SlapdFixture?
    private var workspace: CLIWorkspace?

    override func tearDown() {
        slapd?.stop()
        workspace?.stop()
    }

    /// slapd seeded with `seed`, a workspace with the Axiad app, and slapd added as source `corp`.
    private func start(_ seed: String) throws -> (SlapdFixture, CLIWorkspace) {
        let slapd = try SlapdFixture.start(seed: seed)
        self.slapd = slapd
        let workspace = try CLIWorkspace("agent")
        self.workspace = workspace
        try workspace.addAxiadApp("Axiad")
        let passwordFile = workspace.directory.appendingPathComponent("bind.pw")
        _ = FileManager.default.createFile(atPath: passwordFile.path, contents: Data(slapd.rootPassword.utf8), attributes: [.posixPermissions: 0o600])
        try workspace.run(["directory", "source", "add", "corp", "--url", slapd.url, "--bind-dn", SlapdFixture.rootDN,
                           "--password-file", passwordFile.path, "--base-dn", SlapdFixture.suffix], expect: 0)
        return (slapd, workspace)
    }

    /// Every user the app holds: userName → active.
    private func appUsers(_ workspace: CLIWorkspace) throws -> [String: Bool] {
        let get = try workspace.run(["scim", "get", "/Users?count=5000", "--url", workspace.server.baseURL.absoluteString,
                                     "--token-file", workspace.tokenFile.path], expect: 0)
        let list = try XCTUnwrap(try get.json() as? [String: Any])
        let resources = list["Resources"] as? [[String: Any]] ?? []
        var users: [String: Bool] = [:]
        for resource in resources {
            let name = try XCTUnwrap(resource["userName"] as? String)
            XCTAssertNil(users[name], "\(name) is in the app twice")
            users[name] = resource["active"] as? Bool ?? true
        }
        XCTAssertEqual(users.count, resources.count, "no userName twice")
        return users
    }

    private func staff(_ uids: [String]) -> String {
        SlapdDirectory.groupOfNames("Staff", members: uids.map(SlapdDirectory.personDN))
    }

    func test_addedPersonArrivesInOneCycleAndARemovedOneIsDeactivatedAfterTheFullImport() throws {
        let (slapd, workspace) = try start(SlapdDirectory.person("ann") + staff(["ann"]))
        let first = try workspace.run(["run", "--once"], expect: 0)
        XCTAssertTrue(first.stdout.contains("source corp: full import of corp: people 1 added"), "never imported, so full: \(first.stdout)")
        XCTAssertTrue(first.stdout.contains("app Axiad: Nothing to send"), first.stdout)
        XCTAssertTrue(first.stdout.contains("cycle 1 done in"), first.stdout)
        XCTAssertTrue(first.stdout.contains(": all well"), first.stdout)
        try workspace.run(["assign", "--app", "Axiad", "--group", "Staff"], expect: 0)

        // Without the seeded modifyTimestamp, which slapd sets itself on a live add.
        try slapd.modify(SlapdDirectory.person("bob").replacingOccurrences(of: SlapdDirectory.seededAt + "\n", with: ""), add: true)
        try slapd.modify("dn: \(SlapdDirectory.groupDN("Staff"))\nchangetype: modify\nadd: member\nmember: \(SlapdDirectory.personDN("bob"))\n")
        let second = try workspace.run(["run", "--once"], expect: 0)
        XCTAssertTrue(second.stdout.contains("source corp: incremental import of corp: people 1 added"), second.stdout)
        XCTAssertEqual(try appUsers(workspace), ["ann@example.com": true, "bob@example.com": true], second.stdout)

        // bob assigned in his own right too, so that only his removal from the directory can deactivate him.
        try workspace.run(["assign", "--app", "Axiad", "--person", "bob"], expect: 0)
        try slapd.delete(SlapdDirectory.personDN("bob"))
        let incremental = try workspace.run(["run", "--once"], expect: 0)
        XCTAssertTrue(incremental.stdout.contains("incremental import of corp"), incremental.stdout)
        XCTAssertEqual(try appUsers(workspace)["bob@example.com"], true, "an incremental import cannot see a deletion")

        let full = try workspace.run(["run", "--once", "--full"], expect: 0)
        XCTAssertTrue(full.stdout.contains("source corp: full import of corp: people 0 added, 0 updated, 0 renamed, 1 removed"), full.stdout)
        XCTAssertEqual(try appUsers(workspace), ["ann@example.com": true, "bob@example.com": false], full.stdout)
    }

    func test_aFailingSourceDoesNotStopTheAppSyncs() throws {
        let (_, workspace) = try start(SlapdDirectory.person("ann") + staff(["ann"]))
        try workspace.run(["directory", "source", "import", "corp"], expect: 0)
        try workspace.run(["assign", "--app", "Axiad", "--group", "Staff"], expect: 0)
        let passwordFile = workspace.directory.appendingPathComponent("broken.pw")
        _ = FileManager.default.createFile(atPath: passwordFile.path, contents: Data("secret-of-broken".utf8), attributes: [.posixPermissions: 0o600])
        let closed = try TestEnvironment.freeLoopbackPort()
        try workspace.run(["directory", "source", "add", "broken", "--url", "ldap://127.0.0.1:\(closed)", "--bind-dn", "cn=x",
                           "--password-file", passwordFile.path, "--base-dn", "dc=x"], expect: 0)

        let run = try workspace.run(["run", "--once"], expect: 1)

        XCTAssertTrue(run.stdout.contains("source broken: failed: cannot reach ldap://127.0.0.1:\(closed)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("source corp: incremental import of corp"), run.stdout)
        XCTAssertTrue(run.stdout.contains("app Axiad: Synced Axiad: 1 operations sent."), run.stdout)
        XCTAssertTrue(run.stdout.contains(": failed: source broken"), run.stdout)
        XCTAssertEqual(try appUsers(workspace), ["ann@example.com": true])
        XCTAssertFalse(run.stdout.contains("secret-of-broken") || run.stderr.contains("secret-of-broken"))
    }

    func test_sigtermMidSyncStopsBetweenOperationsAndTheNextRunLeavesNoDuplicate() throws {
        let uids = (1...600).map { String(format: "p%04d", $0) }
        let (_, workspace) = try start(uids.map { SlapdDirectory.person($0) }.joined() + staff(uids))
        try workspace.run(["directory", "source", "import", "corp"], expect: 0)
        try workspace.run(["assign", "--app", "Axiad", "--group", "Staff"], expect: 0)

        let agent = try workspace.background(["run", "--every", "1h", "--concurrency", "2"])
        let deadline = Date().addingTimeInterval(60)
        var seen = 0
        while Date() < deadline, agent.isRunning {
            seen = try appUsers(workspace).count
            if seen >= 20 { break }
        }
        XCTAssertGreaterThanOrEqual(seen, 20, agent.output)
        agent.terminate()

        XCTAssertEqual(agent.process.terminationStatus, 0, agent.output)
        XCTAssertTrue(agent.output.contains("app Axiad: Sync of Axiad stopped:"), agent.output)
        XCTAssertTrue(agent.output.contains("stopped by SIGTERM between operations"), agent.output)
        let afterStop = try appUsers(workspace).count
        XCTAssertLessThan(afterStop, 600, "stopped mid-run: \(agent.output)")

        let next = try workspace.run(["run", "--once"], expect: 0)
        let users = try appUsers(workspace)
        XCTAssertEqual(users.count, 600, next.stdout)
        XCTAssertTrue(users.values.allSatisfy { $0 }, "everyone active")
        XCTAssertEqual(try appUsers(workspace).count, 600)
    }

    func test_onAScheduleAChangeInSlapdReachesTheAppWithinTwoCycles() throws {
        let (slapd, workspace) = try start(SlapdDirectory.person("ann") + staff(["ann"]))
        try workspace.run(["directory", "source", "import", "corp"], expect: 0)
        try workspace.run(["assign", "--app", "Axiad", "--group", "Staff"], expect: 0)
        let agent = try workspace.background(["run", "--every", "2s"])
        defer { agent.terminate() }
        func waitFor(_ condition: () throws -> Bool) throws -> Bool {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, agent.isRunning {
                if try condition() { return true }
            }
            return false
        }
        XCTAssertTrue(try waitFor { agent.output.contains("cycle 1 done") }, agent.output)
        XCTAssertEqual(try appUsers(workspace), ["ann@example.com": true])

        try slapd.modify("dn: \(SlapdDirectory.personDN("ann"))\nchangetype: modify\nadd: employeeType\nemployeeType: disabled\n")
        let cycles = agent.output.components(separatedBy: " done in ").count - 1
        XCTAssertTrue(try waitFor { try appUsers(workspace)["ann@example.com"] == false }, agent.output)
        let took = agent.output.components(separatedBy: " done in ").count - 1 - cycles
        XCTAssertLessThanOrEqual(took, 2, "within two cycles: \(agent.output)")
        agent.terminate()
        XCTAssertEqual(agent.process.terminationStatus, 0, agent.output)
        XCTAssertTrue(agent.output.contains("stopped by SIGTERM"), agent.output)
    }
}
