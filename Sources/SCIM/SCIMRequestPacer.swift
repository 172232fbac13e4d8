import Foundation

/// Paces every request of one run (one `SCIMClient` and all its copies share it):
///
/// - **Pauses the whole run** when the app says so (429, 503 with `Retry-After`): no request of the
///   run is sent until the pause ends, not only the one that was refused, and the run is told once
///   per pause (`onPause`), so the CLI and the console can say why nothing moves.
/// - **Adaptive concurrency** (additive increase, multiplicative decrease): at most `window` requests
///   in flight; a rate limit halves it (never below 1), and each window's worth of successes raises it
///   by one, up to `limit`. After a pause the run comes back slowly instead of hitting the limit again.
/// - **A budget of pauses** (`maxWait`): a pause that would take the run past it makes the run give
///   up cleanly: every request not yet sent fails with `waitLimitExceeded`.
public actor SCIMRequestPacer {
    /// The most requests in flight at once (the run's configured concurrency).
    public nonisolated let limit: Int
    /// The most time the run may spend paused, in seconds; nil for no limit (each pause is still at most 15 minutes).
    public nonisolated let maxWait: Double?
    private let clock: SCIMPacerClock
    private let onPause: (@Sendable (SCIMRunPause) -> Void)?

    /// Requests allowed in flight now.
    public private(set) var window: Int
    /// Seconds paused so far.
    public private(set) var totalPaused = 0.0
    private var inFlight = 0
    private var successesInWindow = 0
    private var pausedUntil = -Double.infinity
    private var lastDecrease = -Double.infinity
    private var gaveUp: SCIMClientError?
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int = 8, maxWait: Double? = nil, clock: SCIMPacerClock = .system,
                onPause: (@Sendable (SCIMRunPause) -> Void)? = nil) {
        self.limit = max(1, limit)
        self.maxWait = maxWait.map { max(0, $0) }
        self.clock = clock
        self.onPause = onPause
        window = max(1, limit)
    }

    /// What came of a request, as far as pacing goes.
    enum Outcome: Sendable {
        case success
        /// The app asked us to slow down (429, 503), and perhaps to pause the run this long (already
        /// clamped to 1 s…15 min). One call, so no request waiting for a slot can slip out before the pause is set.
        case slowDown(pause: Double?, status: Int)
        /// Anything else: neither a sign of room nor of a limit.
        case other
    }

    /// Waits for the run's pause to end and for room in the window, then counts the request in flight.
    /// Throws `waitLimitExceeded` once the run has given up, or `CancellationError`.
    func acquire() async throws {
        while true {
            if let gaveUp { throw gaveUp }
            try Task.checkCancellation()
            let now = clock.now()
            if pausedUntil > now {
                try await clock.sleep(pausedUntil - now)
                continue
            }
            if inFlight < window {
                inFlight += 1
                return
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    /// Counts the request out of flight and adapts the window to how it went.
    func release(_ outcome: Outcome) {
        inFlight = max(0, inFlight - 1)
        switch outcome {
        case .success:
            successesInWindow += 1
            if successesInWindow >= window {
                successesInWindow = 0
                window = min(limit, window + 1)
            }
        case .slowDown(let pause, let status):
            // Requests in flight together meet the same limit: one halving per pause (or per second),
            // not one per refused request, or eight concurrent 429s would drop the window to 1 at once.
            let now = clock.now()
            if now >= max(pausedUntil, lastDecrease + 1) {
                window = max(1, window / 2)
                lastDecrease = now
            }
            successesInWindow = 0
            if let pause { self.pause(pause, status: status) }
        case .other:
            break
        }
        wakeWaiters()
    }

    /// Pauses the run for `seconds` (already clamped by the caller to 1 s…15 min) from now, unless a
    /// pause already lasts longer. Past `maxWait`, gives up instead.
    func pause(_ seconds: Double, status: Int?) {
        let now = clock.now()
        let end = now + seconds
        guard end > pausedUntil, gaveUp == nil else { return }
        let added = end - max(now, pausedUntil)
        if let maxWait, totalPaused + added > maxWait {
            gaveUp = SCIMClientError(kind: .waitLimitExceeded(asked: seconds, waited: totalPaused, limit: maxWait), status: status)
            wakeWaiters()
            return
        }
        // A concurrent 429 that stretches a running pause by less than a second is the same pause.
        let tell = pausedUntil <= now || added >= 1
        totalPaused += added
        pausedUntil = end
        if tell { onPause?(SCIMRunPause(seconds: seconds, status: status)) }
    }

    private func wakeWaiters() {
        let woken = waiters
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }
}

/// One pause of a whole run, as the run tells it.
public struct SCIMRunPause: Sendable, Equatable, CustomStringConvertible {
    public var seconds: Double
    /// The status that asked for it (429, 503).
    public var status: Int?

    public init(seconds: Double, status: Int?) {
        self.seconds = seconds
        self.status = status
    }

    public var description: String {
        let shown = seconds >= 10 ? String(Int(seconds.rounded())) : SCIMClientError.seconds((seconds * 10).rounded() / 10)
        return "waiting \(shown) s: the app asked us to slow down" + (status.map { " (HTTP \($0))" } ?? "")
    }
}

/// Time as the pacer reads it: monotonic seconds, and a way to wait. Tests pass a fake that moves on at once.
public struct SCIMPacerClock: Sendable {
    public var now: @Sendable () -> Double
    public var sleep: @Sendable (Double) async throws -> Void

    public init(now: @escaping @Sendable () -> Double, sleep: @escaping @Sendable (Double) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    public static let system = SCIMPacerClock(now: { ProcessInfo.processInfo.systemUptime }, sleep: SCIMClient.taskSleep)
}
