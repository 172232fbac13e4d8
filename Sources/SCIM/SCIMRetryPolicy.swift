import Foundation

/// When and how long to wait before sending a failed request again.
/// 429 and 503 pause the whole run as long as `Retry-After` says (1 s to 15 min); other transient
/// failures back off exponentially with jitter, never more than `maxTotalDelay` in all. Never more
/// than `maxAttempts` sends.
public struct SCIMRetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    public var maxTotalDelay: Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.5, maxDelay: Double = 8, maxTotalDelay: Double = 30) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalDelay = maxTotalDelay
    }

    public static let standard = SCIMRetryPolicy()
    /// Send once: for the credentials test, where the admin wants the answer now.
    public static let never = SCIMRetryPolicy(maxAttempts: 1, baseDelay: 0, maxDelay: 0, maxTotalDelay: 0)

    /// Shortest pause a rate limit causes: `Retry-After: 0` must not turn into a burst of resends.
    public static let minimumPause = 1.0
    /// Longest pause one `Retry-After` may cause (15 minutes).
    public static let maximumPause = 900.0

    /// What to do before attempt `attempt + 1`.
    public enum Decision: Sendable, Equatable {
        /// Wait this long before sending this request again (the rest of the run goes on).
        case backOff(Double)
        /// The app asked the whole run to slow down: every request of the client waits this long
        /// (the client's `SCIMRequestPacer` holds them), then this one is sent again.
        case pauseRun(Double)

        public var seconds: Double {
            switch self {
            case .backOff(let seconds), .pauseRun(let seconds): return seconds
            }
        }
    }

    /// The next step after `error`, or nil to give up. `waited` is the time already spent backing off
    /// (pauses of the whole run are not counted: `maxTotalDelay` bounds back-off, and `--max-wait`
    /// bounds pauses). A 429 always pauses the run, at least `minimumPause`; a 503 does when it says
    /// how long (`Retry-After`); each pause is at most `maximumPause`.
    public func decision(after error: SCIMClientError, attempt: Int, waited: Double, jitter: Double = Double.random(in: 0...1)) -> Decision? {
        guard error.isTransient, attempt < maxAttempts else { return nil }
        if let pause = Self.runPause(after: error) { return .pauseRun(pause) }
        // "Equal jitter": half the exponential step fixed, half random, so retries of many clients spread out.
        let step = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
        let delay = step / 2 + step / 2 * min(max(jitter, 0), 1)
        guard waited + delay <= maxTotalDelay else { return nil }
        return .backOff(delay)
    }

    /// The pause before attempt `attempt + 1`, or nil to give up (the seconds of `decision`).
    public func delay(after error: SCIMClientError, attempt: Int, waited: Double, jitter: Double = Double.random(in: 0...1)) -> Double? {
        decision(after: error, attempt: attempt, waited: waited, jitter: jitter)?.seconds
    }

    /// How long the whole run should pause after this answer: a 429 (with or without `Retry-After`)
    /// or a 503 with `Retry-After`, clamped to `minimumPause…maximumPause`; nil for anything else.
    public static func runPause(after error: SCIMClientError) -> Double? {
        guard case .status = error.kind else { return nil }
        switch error.status {
        case 429: return clampPause(error.retryAfter ?? minimumPause)
        case 503: return error.retryAfter.map(clampPause)
        default: return nil
        }
    }

    static func clampPause(_ seconds: Double) -> Double {
        min(maximumPause, max(minimumPause, seconds.isFinite ? seconds : maximumPause))
    }

    /// Reads `Retry-After`: delta seconds, or an HTTP date (RFC 9110 §10.2.3). Nil when unreadable.
    public static func retryAfterSeconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite { return max(0, seconds) }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return max(0, date.timeIntervalSince(now)) }
        }
        return nil
    }
}
