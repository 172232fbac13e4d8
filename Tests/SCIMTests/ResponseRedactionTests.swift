import Foundation
@testable import SCIM
import TestSupport
import XCTest

/// An app that echoes the request never gets the token into an error, the log or anything shown.
final class ResponseRedactionTests: XCTestCase {
    func test_tokenAndEveryBearerValueAreMasked() throws {
        let redactor = ResponseRedactor(token: "s3cr3t-token-value")
        let body = Data(#"{"detail":"Authorization: Bearer s3cr3t-token-value; Proxy: bearer other.jwt-123, raw s3cr3t-token-value; kept: Bearer ****"}"#.utf8)
        let redacted = String(decoding: try XCTUnwrap(redactor.redact(bytes: body)), as: UTF8.self)
        XCTAssertEqual(redacted, #"{"detail":"Authorization: Bearer ****; Proxy: bearer ****, raw ****; kept: Bearer ****"}"#)
        XCTAssertNil(redactor.redact(bytes: Data(#"{"userName":"bearer@corp.example","id":"1"}"#.utf8)), "nothing to mask: no copy")
        XCTAssertNil(redactor.redact(bytes: Data("Bearer ****".utf8)))
    }

    func test_jsonEscapedSlashesDoNotHideTheToken() throws {
        let redactor = ResponseRedactor(token: "abc/def+ghi==")
        let body = Data(#"{"a":"Bearer abc\/def+ghi==","b":"abc\/def+ghi==","c":"abc/def+ghi=="}"#.utf8)
        let redacted = String(decoding: try XCTUnwrap(redactor.redact(bytes: body)), as: UTF8.self)
        XCTAssertEqual(redacted, #"{"a":"Bearer ****","b":"****","c":"****"}"#)
    }

    func test_echoedAuthorizationHeaderNeverLeavesTheClient() async throws {
        let server = try SCIMServerFixture.shared()
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.inject(.echoHeaders(400), times: 2, method: "GET")
        let recorder = ExchangeRecorder()
        let client = try SCIMTestClients.client(proxy.baseURL, token: server.token, observer: recorder.record)
        do {
            _ = try await client.findUser(userName: "echo")
            XCTFail("a 400 was taken for success")
        } catch let error as SCIMClientError {
            XCTAssertFalse("\(error)".contains(server.token), "\(error)")
            XCTAssertTrue(error.detail?.contains("Authorization: Bearer ****") == true, error.detail ?? "")
        }
        XCTAssertTrue(proxy.seen.first?.headers.contains("Authorization: Bearer \(server.token)") == true, "the echo had the token to send back")
        for exchange in recorder.exchanges {
            XCTAssertFalse(exchange.responseBody?.contains(server.token) ?? false)
        }
        let check = await client.testCredentials()
        XCTAssertFalse(check.message.contains(server.token))
    }
}
