import Foundation

/// When and how long to wait before sending a failed request again.
/// 429 and 503 wait as long as `Retry-After` says; other transient failures back off exponentially with jitter.
/// Waiting never exceeds `maxTotalDelay` in all, nor `maxAttempts` sends.
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

    /// The pause before attempt `attempt + 1`, or nil to give up. `waited` is the total already spent waiting.
    public func delay(after error: SCIMClientError, attempt: Int, waited: Double, jitter: Double = Double.random(in: 0...1)) -> Double? {
        guard error.isTransient, attempt < maxAttempts else { return nil }
        let delay: Double
        if let retryAfter = error.retryAfter, error.status == 429 || error.status == 503 {
            delay = max(0, retryAfter)
        } else {
            // "Equal jitter": half the exponential step fixed, half random, so retries of many clients spread out.
            let step = min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
            delay = step / 2 + step / 2 * min(max(jitter, 0), 1)
        }
        guard waited + delay <= maxTotalDelay else { return nil }
        return delay
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
