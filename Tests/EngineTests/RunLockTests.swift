import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// One run per app at a time, whoever starts it: a second run waits or refuses and says who holds
/// the app; a lock left by a killed run is taken over at once.
final class RunLockTests: XCTestCase {
    func test_secondRunThatDoesNotWaitIsRefusedNamingTheHolder() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        XCTAssertEqual(try world.store.runLocks.acquire(appId: world.appID, token: "other-run", holder: "scimdeck sync"), .acquired)

        let engine = try world.engine
        let client = try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry)
        do {
            _ = try await engine.sync(client: client, claim: RunClaim(holder: "the console", waits: false))
            XCTFail("a second run must not start")
        } catch EngineError.appBusy(_, let holder) {
            XCTAssertTrue(holder.contains("scimdeck sync (pid \(getpid()))"), holder)
        }
        XCTAssertTrue(try world.requestLog().isEmpty, "the refused run sent nothing")
        let users = try await world.remoteUsers()
        XCTAssertTrue(users.isEmpty)
    }

    func test_secondRunWaitsForTheFirstThenSyncs() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        XCTAssertEqual(try world.store.runLocks.acquire(appId: world.appID, token: "other-run", holder: "scimdeck run"), .acquired)

        let engine = try world.engine
        let client = try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry)
        let told = expectation(description: "the waiting run says who holds the app")
        let lines = LineBox()
        let waiting = Task {
            try await engine.sync(client: client, claim: RunClaim(holder: "scimdeck sync") { line in
                lines.append(line)
                told.fulfill()
            })
        }
        await fulfillment(of: [told], timeout: 10)
        XCTAssertTrue(lines.all.first?.hasPrefix("waiting: Axiad Cloud (test) is being synced by scimdeck run (pid") == true, "\(lines.all)")
        XCTAssertTrue(try world.requestLog().isEmpty, "nothing is sent while the other run holds the app")

        try world.store.runLocks.release(appId: world.appID, token: "other-run")
        let result = try await waiting.value
        XCTAssertEqual(result.outcome, .synced)
        XCTAssertNil(try world.store.runLocks.holder(appId: world.appID), "the lock is given back")
    }

    func test_lockLeftByAKilledRunIsTakenOverAtOnce() async throws {
        let world = try EngineWorld()
        try world.person("zoe@corp.example")
        try world.assign(person: "zoe@corp.example")
        // A process that has exited stands for a run killed while it held the app.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = ProcessIdentity(pid: gone.processIdentifier, startTicks: 1)
        XCTAssertEqual(try world.store.runLocks.acquire(appId: world.appID, token: "killed-run", holder: "scimdeck sync", process: dead), .acquired)
        XCTAssertNil(try world.store.runLocks.holder(appId: world.appID), "a dead holder reads as none")

        let engine = try world.engine
        let client = try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry)
        let result = try await engine.sync(client: client, claim: RunClaim(holder: "scimdeck sync", waits: false))
        XCTAssertEqual(result.outcome, .synced)
    }

    func test_pidReusedByAnotherProcessDoesNotHoldTheLock() throws {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: "axiad-cloud", label: "A"), signOn: SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0), mappings: [])
        let appID = try XCTUnwrap(app.id)
        // Our own pid, but a start time that is not ours: the run that recorded it is gone.
        var reused = ProcessIdentity.current
        reused.startTicks = (reused.startTicks ?? 0) + 12345
        _ = try store.runLocks.acquire(appId: appID, token: "old", holder: "scimdeck sync", process: reused)
        XCTAssertEqual(try store.runLocks.acquire(appId: appID, token: "new", holder: "scimdeck sync"), .acquired)
    }

    /// Two `scimdeck sync` processes of one app at once: the second waits (or, with --no-wait, exits
    /// 75) saying who holds the app; no group is created twice; both tell the truth.
    func test_twoCLISyncsAtOnceNeverDuplicateAndTellTheTruth() async throws {
        let cli = try CLIWorkspace("run-lock")
        defer { cli.stop() }
        let storePath = cli.storePath
        func scimdeck(_ arguments: [String]) throws -> ScimdeckRun { try cli.run(arguments) }
        try cli.importGenerated(people: 600, groups: 12, seed: 3)
        try cli.addAxiadApp("Axiad")
        let store = try ScimdeckStore(path: storePath)
        let groupNames = try store.directory.groups().map(\.group.name)
        _ = try scimdeck(["assign", "--app", "Axiad"] + groupNames.flatMap { ["--group", $0] })
        _ = try scimdeck(["push", "add", "--app", "Axiad"] + groupNames.flatMap { ["--group", $0] })
        let appID = try XCTUnwrap(try store.apps.app(named: "Axiad")?.id)

        let first = try cli.background(["sync", "--app", "Axiad"])
        try await waitUntil("the first run holds the app") { try store.runLocks.holder(appId: appID) != nil }
        let refused = try scimdeck(["sync", "--app", "Axiad", "--no-wait"])
        XCTAssertEqual(refused.status, 75, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Axiad is being synced by scimdeck sync (pid \(first.process.processIdentifier)) since"), refused.stderr)
        let second = try scimdeck(["sync", "--app", "Axiad"])
        first.process.waitUntilExit()
        XCTAssertEqual(first.process.terminationStatus, 0)
        XCTAssertEqual(second.status, 0, second.stderr + second.stdout)
        XCTAssertTrue(second.stderr.contains("waiting: Axiad is being synced by scimdeck sync (pid \(first.process.processIdentifier))")
                      || second.stdout.contains("nothing to send"), "the second run waited, or the first had finished: \(second.stderr)")

        let inspector = SCIMClient(configuration: SCIMClientConfiguration(baseURL: cli.server.baseURL, token: try XCTUnwrap(BearerToken(cli.server.token))),
                                   transport: EngineWorld.transport)
        let groups = try await inspector.listAll(SCIMGroup.self)
        XCTAssertEqual(groups.count, groupNames.count, "every pushed group exactly once")
        XCTAssertEqual(Set(groups.compactMap(\.displayName)).count, groupNames.count)
        let users = try await inspector.listAll(SCIMUser.self)
        XCTAssertEqual(Set(users.compactMap { $0.userName?.lowercased() }).count, users.count, "no user twice")
        let interrupted = try await store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM journalEntry WHERE lastError LIKE 'interrupted%'") ?? -1
        }
        XCTAssertEqual(interrupted, 0, "the waiting run never marks the first run's journal entries as abandoned")
    }

    private func waitUntil(_ what: String, timeout: Double = 30, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            guard Date() < deadline else { return XCTFail("timed out waiting until \(what)") }
            await Task.yield()
            try await Task.sleep(nanoseconds: 5_000_000)
        }
    }
}

private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
