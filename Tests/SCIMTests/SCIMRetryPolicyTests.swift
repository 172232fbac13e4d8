import Foundation
import SCIM
import XCTest

final class SCIMRetryPolicyTests: XCTestCase {
    private func statusError(_ status: Int, retryAfter: Double? = nil) -> SCIMClientError {
        SCIMClientError(kind: .status, status: status, retryAfter: retryAfter)
    }

    func test_retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        XCTAssertEqual(SCIMRetryPolicy.retryAfterSeconds("7", now: now), 7)
        XCTAssertEqual(SCIMRetryPolicy.retryAfterSeconds(" 0 ", now: now), 0)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let later = formatter.string(from: now.addingTimeInterval(30))
        XCTAssertEqual(SCIMRetryPolicy.retryAfterSeconds(later, now: now) ?? -1, 30, accuracy: 1)
        XCTAssertEqual(SCIMRetryPolicy.retryAfterSeconds(formatter.string(from: now.addingTimeInterval(-60)), now: now), 0)
        XCTAssertNil(SCIMRetryPolicy.retryAfterSeconds("soon", now: now))
        XCTAssertNil(SCIMRetryPolicy.retryAfterSeconds(nil, now: now))
    }

    func test_backoffGrowsWithJitterAndStopsAtTheTotal() {
        let policy = SCIMRetryPolicy(maxAttempts: 10, baseDelay: 1, maxDelay: 8, maxTotalDelay: 10)
        let error = statusError(500)
        XCTAssertEqual(policy.delay(after: error, attempt: 1, waited: 0, jitter: 0), 0.5)
        XCTAssertEqual(policy.delay(after: error, attempt: 1, waited: 0, jitter: 1), 1)
        XCTAssertEqual(policy.delay(after: error, attempt: 3, waited: 0, jitter: 1), 4)
        XCTAssertEqual(policy.delay(after: error, attempt: 8, waited: 0, jitter: 1), 8, "capped at maxDelay")
        XCTAssertNil(policy.delay(after: error, attempt: 4, waited: 7, jitter: 1), "would pass the total")
        XCTAssertNil(policy.delay(after: error, attempt: 10, waited: 0, jitter: 0), "attempts used up")
    }

    func test_retryAfterIsHonouredFor429And503Only() {
        let policy = SCIMRetryPolicy(maxAttempts: 5, baseDelay: 0.1, maxDelay: 1, maxTotalDelay: 30)
        XCTAssertEqual(policy.delay(after: statusError(429, retryAfter: 12), attempt: 1, waited: 0, jitter: 0), 12)
        XCTAssertEqual(policy.delay(after: statusError(503, retryAfter: 3), attempt: 1, waited: 0, jitter: 0), 3)
        XCTAssertEqual(policy.delay(after: statusError(500, retryAfter: 12), attempt: 1, waited: 0, jitter: 0), 0.05)
        XCTAssertEqual(policy.decision(after: statusError(429, retryAfter: 60), attempt: 1, waited: 0), .pauseRun(60),
                       "a rate limit pauses the run, whatever the back-off total")
        XCTAssertEqual(policy.decision(after: statusError(429, retryAfter: 0), attempt: 1, waited: 0), .pauseRun(1), "at least a second")
        XCTAssertEqual(policy.decision(after: statusError(429), attempt: 1, waited: 0), .pauseRun(1), "a 429 without Retry-After")
        XCTAssertEqual(policy.decision(after: statusError(503, retryAfter: 7200), attempt: 1, waited: 0), .pauseRun(900), "at most 15 minutes")
        XCTAssertEqual(policy.decision(after: statusError(503), attempt: 1, waited: 0, jitter: 0), .backOff(0.05), "a 503 without Retry-After backs off")
        XCTAssertNil(policy.decision(after: statusError(429, retryAfter: 5), attempt: 5, waited: 0), "attempts used up")
    }

    func test_clientErrorsAreNotRetried() {
        for status in [400, 401, 403, 404, 409, 412, 501] {
            XCTAssertNil(SCIMRetryPolicy.standard.delay(after: statusError(status), attempt: 1, waited: 0), "\(status)")
        }
        XCTAssertNil(SCIMRetryPolicy.standard.delay(after: SCIMClientError(kind: .transport(.tlsFailure(detail: "x"))), attempt: 1, waited: 0))
        XCTAssertNotNil(SCIMRetryPolicy.standard.delay(after: SCIMClientError(kind: .transport(.connectionLost(detail: "x"))), attempt: 1, waited: 0))
    }

    func test_bearerTokenNeverPrints() throws {
        let token = try XCTUnwrap(BearerToken("  abc.def-123\n"))
        XCTAssertEqual("\(token)", "****")
        XCTAssertFalse(String(reflecting: token).contains("abc"))
        var dumped = ""
        dump(token, to: &dumped)
        XCTAssertFalse(dumped.contains("abc"), dumped)
        XCTAssertNil(BearerToken("two words"))
        XCTAssertNil(BearerToken("\n"))
    }
}
