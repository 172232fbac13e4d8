import Foundation
import Provisioning
import SCIM
import Store
import XCTest

/// Stopping a sync from the console cancels its task: the executor starts nothing new, and what it
/// sent is journaled, so the next sync sends only the rest and the app ends with everyone once.
final class SyncCancelTests: XCTestCase {
    func test_aStoppedSyncSendsNothingMoreAndTheNextSyncFinishesTheJob() async throws {
        let world = try EngineWorld()
        let logins = (1...120).map { String(format: "person%03d@example.com", $0) }
        for login in logins {
            _ = try world.person(login, first: "Zoë", last: "Ødegaard")
            try world.assign(person: login)
        }
        let engine = try world.engine
        let client = try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry)
        let stopper = Stopper()
        let sync = Task {
            try await engine.sync(client: client, concurrency: 2) { progress in
                if progress.done >= 10 { stopper.stop() }
            }
        }
        stopper.task = sync
        let stopped = try await sync.value
        XCTAssertTrue(stopped.report.wasCancelled)
        let sentFirst = stopped.report.succeededCount
        XCTAssertGreaterThanOrEqual(sentFirst, 10)
        XCTAssertLessThan(sentFirst, logins.count, "the stop took effect before the end")
        // A request in flight at the stop may have reached the app though its answer was cut off:
        // at most one per chain, and the next sync looks it up before creating.
        let afterStop = try await world.remoteUsers().count
        XCTAssertGreaterThanOrEqual(afterStop, sentFirst)
        XCTAssertLessThanOrEqual(afterStop, sentFirst + 2, "nothing was started after the stop")

        let resumed = try await world.sync()
        XCTAssertFalse(resumed.report.wasCancelled)
        XCTAssertEqual(resumed.plan.operations.count, logins.count - sentFirst, "the next sync plans only what is left")
        let users = try await world.remoteUsers()
        XCTAssertEqual(Set(users.map(\.userName)), Set(logins))
        XCTAssertEqual(users.count, logins.count, "no one twice")
        XCTAssertEqual(try world.engine.plan().operations, [], "nothing left to send")
    }
}

/// Cancels the sync's task from its progress callback, once.
private final class Stopper: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    var task: Task<SyncResult, any Error>? {
        get { lock.withLock { storedTask } }
        set { lock.withLock { storedTask = newValue } }
    }
    private var storedTask: Task<SyncResult, any Error>?

    func stop() {
        lock.withLock {
            guard !stopped, let storedTask else { return }
            stopped = true
            storedTask.cancel()
        }
    }
}
