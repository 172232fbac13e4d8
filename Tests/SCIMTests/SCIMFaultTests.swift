import Foundation
import SCIM
import TestSupport
import XCTest

/// The client through a fault-injecting proxy in front of scim2-server.
final class SCIMFaultTests: XCTestCase {
    private var proxy: FaultProxy!
    private var server: SCIMServerFixture!

    override func setUpWithError() throws {
        server = try SCIMServerFixture.shared()
        proxy = try FaultProxy(upstreamPort: server.port)
    }

    override func tearDown() {
        proxy.stop()
    }

    private func client(retry: SCIMRetryPolicy = SCIMTestClients.fastRetry, timeout: Double = 10,
                        observer: (@Sendable (SCIMExchange) -> Void)? = nil) throws -> SCIMClient {
        try SCIMTestClients.client(proxy.baseURL, token: server.token, retry: retry, timeout: timeout, observer: observer)
    }

    func test_429WithRetryAfterIsWaitedForAndSucceeds() async throws {
        proxy.inject(.status(429, headers: ["Retry-After": "1"], body: #"{"detail":"slow down"}"#), method: "GET")
        let started = Date()
        let found = try await client().findUser(userName: "nobody-\(UUID())")
        XCTAssertNil(found)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.95, "Retry-After: 1 was not honoured")
        XCTAssertEqual(proxy.seen.count, 2)
    }

    func test_503WithRetryAfterHTTPDateIsWaitedFor() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: Date().addingTimeInterval(2))
        proxy.inject(.status(503, headers: ["Retry-After": date]), method: "GET")
        let started = Date()
        _ = try await client().findUser(userName: "nobody")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.9)
        XCTAssertEqual(proxy.seen.count, 2)
    }

    func test_500sAreRetriedThenReported() async throws {
        proxy.inject(.status(500, body: #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"500","detail":"database down"}"#), times: 10)
        let retry = SCIMRetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.02, maxTotalDelay: 1)
        do {
            _ = try await client(retry: retry).get(SCIMUser.self, id: "x")
            XCTFail("a 500 was taken for success")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.status, 500)
            XCTAssertEqual(error.attempts, 3)
            XCTAssertEqual(error.detail, "database down")
            XCTAssertTrue(error.description.contains("after 3 attempts"), error.description)
        }
        XCTAssertEqual(proxy.seen.count, 3)
    }

    func test_oneServerErrorThenSuccess() async throws {
        proxy.inject(.status(502, body: "bad gateway"), method: "GET")
        let recorder = ExchangeRecorder()
        let found = try await client(observer: recorder.record).findUser(userName: "nobody")
        XCTAssertNil(found)
        XCTAssertEqual(recorder.exchanges.map(\.status), [502, 200])
        XCTAssertEqual(recorder.exchanges.map(\.attempt), [1, 2])
    }

    func test_connectionCutMidResponseIsRetried() async throws {
        let (direct, _) = try SCIMTestClients.server()
        let created = try await direct.createUser(SCIMUser(userName: SCIMTestClients.uniqueName("cut")))
        proxy.inject(.cutMidResponse, method: "GET")
        let read = try await client().get(SCIMUser.self, id: try XCTUnwrap(created.id))
        XCTAssertEqual(read.id, created.id)
        XCTAssertEqual(proxy.seen.count, 2)
    }

    /// The POST got through but its answer was lost: a lookup finds the user, and no second POST is sent.
    func test_cutPostIsLookedUpNotResent() async throws {
        let name = SCIMTestClients.uniqueName("cutpost")
        proxy.inject(.cutMidResponse, method: "POST")
        let created = try await client().createUser(SCIMUser(userName: name))
        XCTAssertEqual(created.userName, name)
        XCTAssertNotNil(created.id)
        XCTAssertEqual(proxy.seen.map(\.method), ["POST", "GET"], "\(proxy.seen)")
        let (direct, _) = try SCIMTestClients.server()
        let all = try await direct.list(SCIMUser.self, filter: SCIMFilter.equals("userName", name))
        XCTAssertEqual(all.totalResults, 1)
    }

    /// A 500 on POST: the lookup shows nothing was made, so the POST is sent again, once.
    func test_failedPostIsResentAfterLookup() async throws {
        let name = SCIMTestClients.uniqueName("retrypost")
        proxy.inject(.status(500), method: "POST")
        let created = try await client().createUser(SCIMUser(userName: name))
        XCTAssertEqual(created.userName, name)
        XCTAssertEqual(proxy.seen.map(\.method), ["POST", "GET", "POST"], "\(proxy.seen)")
    }

    func test_brokenJSONIsAClearError() async throws {
        proxy.inject(.brokenJSON)
        do {
            _ = try await client().findUser(userName: "x")
            XCTFail("broken JSON was accepted")
        } catch let error as SCIMClientError {
            guard case .notSCIM(let reason) = error.kind else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("malformed or truncated JSON"), reason)
            XCTAssertEqual(error.status, 200)
        }
        XCTAssertEqual(proxy.seen.count, 1, "a body that is not SCIM is not retried")
    }

    func test_htmlErrorPageIsAClearError() async throws {
        proxy.inject(.htmlPage(status: 502, title: "502 Bad Gateway"), times: 10)
        let retry = SCIMRetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.01, maxTotalDelay: 1)
        do {
            _ = try await client(retry: retry).get(SCIMUser.self, id: "x")
            XCTFail("an HTML page was accepted")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.status, 502)
            XCTAssertEqual(error.detail, "an HTML page titled “502 Bad Gateway” (text/html; charset=utf-8)")
        }
    }

    func test_htmlPageWith200IsNotSCIM() async throws {
        proxy.inject(.htmlPage(status: 200, title: "Welcome"))
        do {
            _ = try await client().get(SCIMUser.self, id: "x")
            XCTFail("an HTML page was accepted")
        } catch let error as SCIMClientError {
            guard case .notSCIM(let reason) = error.kind else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("an HTML page titled “Welcome”"), reason)
        }
    }

    func test_slowServerHitsTheTimeout() async throws {
        proxy.inject(.delay(3))
        let started = Date()
        do {
            _ = try await client(timeout: 0.5).findUser(userName: "x")
            XCTFail("a slow answer beat the timeout")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.kind, .transport(.timedOut(seconds: 0.5)))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }

    func test_tokenIsRedactedInEveryExchangeAndError() async throws {
        proxy.inject(.status(500), times: 10)
        let recorder = ExchangeRecorder()
        let retry = SCIMRetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.01, maxTotalDelay: 1)
        do {
            _ = try await client(retry: retry, observer: recorder.record).get(SCIMUser.self, id: "x")
            XCTFail("a 500 was taken for success")
        } catch {
            XCTAssertFalse("\(error)".contains(server.token))
            XCTAssertFalse(String(reflecting: error).contains(server.token))
        }
        XCTAssertEqual(recorder.exchanges.count, 2)
        for exchange in recorder.exchanges {
            XCTAssertTrue(exchange.request.headers.contains("Authorization: Bearer ****"))
            XCTAssertFalse(exchange.request.dump.contains(server.token))
        }
        // The token did go to the server, as a header.
        XCTAssertTrue(proxy.seen.allSatisfy { $0.headers.contains("Authorization: Bearer \(server.token)") })
    }
}
