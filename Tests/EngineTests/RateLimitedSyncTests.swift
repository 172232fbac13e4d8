import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// A rate limit met in the middle of a sync pauses the whole run: no request of the run reaches the
/// app during the pause, the run says so once, then finishes with nothing failed.
final class RateLimitedSyncTests: XCTestCase {
    func test_retryAfterMidSyncPausesEveryRequestOfTheRunThenSucceeds() async throws {
        try await syncPausedOnce(retryAfter: 2)
    }

    /// The issue's own case, for real: a minute's pause (the suite's only long wait, on purpose).
    func test_retryAfterSixtySecondsPausesTheWholeRunForAMinuteThenSucceeds() async throws {
        let start = Date()
        try await syncPausedOnce(retryAfter: 60)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 60)
    }

    private func syncPausedOnce(retryAfter: Int) async throws {
        let world = try EngineWorld()
        let proxy = try FaultProxy(upstreamPort: world.server.port)
        defer { proxy.stop() }
        var settings = try XCTUnwrapValue(try world.store.records(ProvisioningSettings.self).fetch(key: world.appID))
        settings.baseURL = proxy.baseURL.absoluteString
        try world.store.records(ProvisioningSettings.self).update(settings)
        for index in 0..<12 {
            try world.person("paced\(index)@corp.example")
            try world.assign(person: "paced\(index)@corp.example")
        }
        // The fourth create meets the limit; the other chains are in flight or about to start.
        proxy.inject(.status(429, headers: ["Retry-After": String(retryAfter)], body: #"{"detail":"slow down"}"#), method: "POST")
        let pauses = Pauses()
        let pacer = SCIMRequestPacer(limit: 4) { pauses.add($0) }
        let engine = try world.engine
        let client = try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry).pacing(pacer)
        let result = try await engine.sync(client: client, concurrency: 4)

        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        XCTAssertEqual(result.report.succeededCount, 12)
        let remote = try await world.remoteUsers()
        XCTAssertEqual(remote.filter { $0.userName?.hasPrefix("paced") == true }.count, 12)
        XCTAssertEqual(pauses.all.map(\.description), ["waiting \(retryAfter) s: the app asked us to slow down (HTTP 429)"])

        let seen = proxy.seen
        let refused = try XCTUnwrap(seen.first { $0.fault != nil })
        // Requests already on their way when the 429 came back may land a moment after it; none later, until the pause ends.
        let during = seen.filter { $0.at.timeIntervalSince(refused.at) > 0.25 && $0.at.timeIntervalSince(refused.at) < Double(retryAfter) - 0.05 }
        XCTAssertTrue(during.isEmpty, "sent during the pause: \(during)")
        XCTAssertTrue(seen.contains { $0.at.timeIntervalSince(refused.at) >= Double(retryAfter) - 0.05 }, "nothing was sent after the pause: \(seen)")
        let window = await pacer.window
        // Halved to 2 by the 429, then raised one per window of successes: back to 4 well before 24 requests.
        XCTAssertEqual(window, 4, "the window did not grow back after the limit")
    }
}

/// The pauses a run announced, from any thread.
private final class Pauses: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SCIMRunPause] = []
    var all: [SCIMRunPause] { lock.withLock { recorded } }
    func add(_ pause: SCIMRunPause) { lock.withLock { recorded.append(pause) } }
}
