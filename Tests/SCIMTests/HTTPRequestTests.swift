import Foundation
import SCIM
import XCTest

final class HTTPRequestTests: XCTestCase {
    func test_redactedHeadersHideTheBearerToken() throws {
        let request = HTTPRequest(
            method: "GET",
            url: try XCTUnwrap(URL(string: "http://127.0.0.1:9/Users")),
            headers: [("Authorization", "Bearer s3cr3t-token"), ("Accept", "application/scim+json")]
        )
        let redacted = request.redactedHeaders
        XCTAssertEqual(redacted[0].value, "Bearer ****")
        XCTAssertEqual(redacted[1].value, "application/scim+json")
        XCTAssertFalse(redacted.contains { $0.value.contains("s3cr3t") })
    }

    func test_headerLookupIgnoresCase() throws {
        let request = HTTPRequest(method: "GET", url: try XCTUnwrap(URL(string: "http://127.0.0.1:9/")), headers: [("If-Match", "W/\"1\"")])
        XCTAssertEqual(request.header("if-match"), "W/\"1\"")
    }
}
