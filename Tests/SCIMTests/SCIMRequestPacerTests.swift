import Foundation
@testable import SCIM
import TestSupport
import XCTest

/// A clock that moves only when someone sleeps on it: a 60 s pause takes no time in the test.
final class FakePacerClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 1_000.0
    private var sleeps: [Double] = []

    var now: Double { lock.withLock { current } }
    var slept: [Double] { lock.withLock { sleeps } }

    func advance(_ seconds: Double) { lock.withLock { current += seconds } }

    var clock: SCIMPacerClock {
        SCIMPacerClock(now: { self.now }, sleep: { seconds in
            self.lock.withLock {
                self.sleeps.append(seconds)
                self.current += seconds
            }
            await Task.yield()
        })
    }
}

/// Collects the pauses a run announces.
final class PauseRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SCIMRunPause] = []
    var pauses: [SCIMRunPause] { lock.withLock { recorded } }
    func record(_ pause: SCIMRunPause) { lock.withLock { recorded.append(pause) } }
}

/// Rate limits pause the whole run, concurrency adapts (AIMD), and `--max-wait` makes a run give up cleanly.
final class SCIMRequestPacerTests: XCTestCase {
    // MARK: The pacer alone, on a fake clock

    func test_rateLimitHalvesTheWindowOncePerPauseAndSuccessesRaiseItSlowly() async throws {
        let fake = FakePacerClock()
        let pacer = SCIMRequestPacer(limit: 8, clock: fake.clock)
        var window = await pacer.window
        XCTAssertEqual(window, 8)
        for _ in 0..<3 { try await pacer.acquire() }
        await pacer.release(.slowDown(pause: 5, status: 429))
        await pacer.release(.slowDown(pause: 5, status: 429))  // in flight with the first, met the same limit
        await pacer.release(.slowDown(pause: nil, status: 503))
        window = await pacer.window
        XCTAssertEqual(window, 4, "three 429s of one pause halve the window once")

        try await pacer.acquire()  // waits the pause out on the fake clock
        XCTAssertEqual(fake.slept, [5])
        await pacer.release(.slowDown(pause: nil, status: 503))
        window = await pacer.window
        XCTAssertEqual(window, 2, "a new rate limit after the pause halves it again")

        for _ in 0..<2 {
            try await pacer.acquire()
            await pacer.release(.success)
        }
        window = await pacer.window
        XCTAssertEqual(window, 3, "a window's worth of successes raises it by one")
        for _ in 0..<3 {
            try await pacer.acquire()
            await pacer.release(.success)
        }
        window = await pacer.window
        XCTAssertEqual(window, 4)
    }

    func test_windowNeverFallsBelowOneNorRisesAboveTheLimit() async throws {
        let fake = FakePacerClock()
        let pacer = SCIMRequestPacer(limit: 2, clock: fake.clock)
        for _ in 0..<5 {
            try await pacer.acquire()
            await pacer.release(.slowDown(pause: nil, status: 503))
            fake.advance(2)
        }
        var window = await pacer.window
        XCTAssertEqual(window, 1)
        for _ in 0..<20 {
            try await pacer.acquire()
            await pacer.release(.success)
        }
        window = await pacer.window
        XCTAssertEqual(window, 2)
    }

    func test_requestsBeyondTheWindowWaitForOneToFinish() async throws {
        let pacer = SCIMRequestPacer(limit: 1, clock: FakePacerClock().clock)
        try await pacer.acquire()
        let second = Task { try await pacer.acquire() }
        try await Task.sleep(nanoseconds: 50_000_000)
        await pacer.release(.other)
        try await second.value
    }

    func test_pastMaxWaitTheRunGivesUpAndNothingMoreIsSent() async throws {
        let fake = FakePacerClock()
        let recorder = PauseRecorder()
        let pacer = SCIMRequestPacer(limit: 4, maxWait: 60, clock: fake.clock, onPause: recorder.record)
        await pacer.pause(40, status: 429)
        try await pacer.acquire()
        await pacer.release(.slowDown(pause: 30, status: 429))  // 70 s in all: past the 60 s allowed
        do {
            try await pacer.acquire()
            XCTFail("a request went out after the run gave up")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.kind, .waitLimitExceeded(asked: 30, waited: 40, limit: 60))
            XCTAssertTrue(error.reason.contains("--max-wait 60 s"), error.reason)
        }
        XCTAssertEqual(recorder.pauses.map(\.description), ["waiting 40 s: the app asked us to slow down (HTTP 429)"])
    }

    // MARK: The client through the fault proxy

    private var proxy: FaultProxy!
    private var server: SCIMServerFixture!

    override func setUpWithError() throws {
        server = try SCIMServerFixture.shared()
        proxy = try FaultProxy(upstreamPort: server.port)
    }

    override func tearDown() {
        proxy?.stop()
    }

    private func client(_ pacer: SCIMRequestPacer) throws -> SCIMClient {
        try SCIMTestClients.client(proxy.baseURL, token: server.token).pacing(pacer)
    }

    /// `Retry-After: 60` is honoured in full (not cut at 30 s, not failed), said once, on a fake clock.
    func test_longRetryAfterIsHonouredInFull() async throws {
        let fake = FakePacerClock()
        let recorder = PauseRecorder()
        proxy.inject(.status(429, headers: ["Retry-After": "60"]), method: "GET")
        let found = try await client(SCIMRequestPacer(limit: 4, clock: fake.clock, onPause: recorder.record)).findUser(userName: "nobody")
        XCTAssertNil(found)
        XCTAssertEqual(fake.slept.reduce(0, +), 60, accuracy: 0.01)
        XCTAssertEqual(recorder.pauses.map(\.description), ["waiting 60 s: the app asked us to slow down (HTTP 429)"])
        XCTAssertEqual(proxy.seen.count, 2)
    }

    /// A pause beyond 15 minutes is cut to 15 minutes.
    func test_retryAfterIsCappedAtFifteenMinutes() async throws {
        let fake = FakePacerClock()
        proxy.inject(.status(503, headers: ["Retry-After": "86400"]), method: "GET")
        _ = try await client(SCIMRequestPacer(limit: 4, clock: fake.clock)).findUser(userName: "nobody")
        XCTAssertEqual(fake.slept.reduce(0, +), 900, accuracy: 0.01)
    }

    /// A real 2 s pause: the request that met it and every other request of the run wait it out; no
    /// request reaches the server during it; then they all succeed.
    func test_retryAfterPausesTheWholeRun() async throws {
        let recorder = PauseRecorder()
        let paused = expectation(description: "the run announced a pause")
        let pacer = SCIMRequestPacer(limit: 4) { pause in
            recorder.record(pause)
            paused.fulfill()
        }
        let client = try client(pacer)
        proxy.inject(.status(429, headers: ["Retry-After": "2"]), method: "GET")
        let first = Task { try await client.findUser(userName: "first-\(UUID())") }
        await fulfillment(of: [paused], timeout: 10)
        // Started during the pause: these must not reach the server before it ends.
        let others = (0..<4).map { index in Task { try await client.findUser(userName: "other-\(index)-\(UUID())") } }
        _ = try await first.value
        for other in others { _ = try await other.value }

        let seen = proxy.seen
        let refused = try XCTUnwrap(seen.first { $0.fault != nil })
        let after = seen.filter { $0.at > refused.at }
        XCTAssertEqual(after.count, 5, "\(seen)")
        for request in after {
            XCTAssertGreaterThanOrEqual(request.at.timeIntervalSince(refused.at), 1.95, "sent during the pause: \(request)")
        }
        XCTAssertEqual(recorder.pauses.count, 1)
        XCTAssertEqual(recorder.pauses.first?.description, "waiting 2 s: the app asked us to slow down (HTTP 429)")
    }

    /// `Retry-After: 0` is not a licence to hammer: at least a second between sends.
    func test_retryAfterZeroStillWaitsASecond() async throws {
        proxy.inject(.status(429, headers: ["Retry-After": "0"]), times: 2, method: "GET")
        _ = try await client(SCIMRequestPacer(limit: 4)).findUser(userName: "nobody")
        let times = proxy.seen.map(\.at)
        XCTAssertEqual(times.count, 3)
        for (earlier, later) in zip(times, times.dropFirst()) {
            XCTAssertGreaterThanOrEqual(later.timeIntervalSince(earlier), 0.95)
        }
    }

    /// Past the pause budget, the request fails with a clear reason instead of waiting.
    func test_maxWaitExceededFailsTheRequest() async throws {
        proxy.inject(.status(429, headers: ["Retry-After": "120"]), method: "POST")
        let pacer = SCIMRequestPacer(limit: 4, maxWait: 30)
        let started = Date()
        do {
            _ = try await client(pacer).createUser(SCIMUser(userName: SCIMTestClients.uniqueName("patient")))
            XCTFail("the create waited past --max-wait")
        } catch let error as SCIMClientError {
            guard case .waitLimitExceeded(120, 0, 30) = error.kind else { return XCTFail("\(error)") }
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertEqual(proxy.seen.map(\.method), ["POST"], "a 429 is not acted on: no lookup, no resend")
    }
}
