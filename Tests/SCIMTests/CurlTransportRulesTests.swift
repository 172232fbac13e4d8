@testable import HTTP
import CCurl
import JSON
import SCIM
import XCTest

/// The transport's rules that need no server: which hosts count as loopback, how curl errors read.
final class CurlTransportRulesTests: XCTestCase {
    func test_onlyLoopbackHostsCountAsLoopback() {
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "api.localhost", "::1", "[::1]"] {
            XCTAssertTrue(LoopbackHost.isLoopback(host), host)
        }
        for host in ["128.0.0.1", "127.0.0.1.evil.com", "127.0.0.256", "localhost.evil.com", "10.0.0.1", "example.com", "::2", "127.0.0"] {
            XCTAssertFalse(LoopbackHost.isLoopback(host), host)
        }
    }

    func test_curlErrorsMapToWhatTheClientReasonsAbout() {
        XCTAssertEqual(CurlErrorMapping.transportError(CURLE_COULDNT_RESOLVE_HOST, detail: "no such host", host: "scim.example", timeout: 5),
                       .dnsFailure(host: "scim.example", detail: "no such host"))
        XCTAssertEqual(CurlErrorMapping.transportError(CURLE_COULDNT_CONNECT, detail: "refused", host: "h", timeout: 5), .connectFailed(detail: "refused"))
        XCTAssertEqual(CurlErrorMapping.transportError(CURLE_OPERATION_TIMEDOUT, detail: "", host: "h", timeout: 5), .timedOut(seconds: 5))
        XCTAssertEqual(CurlErrorMapping.transportError(CURLE_PEER_FAILED_VERIFICATION, detail: "bad cert", host: "h", timeout: 5), .tlsFailure(detail: "bad cert"))
        XCTAssertEqual(CurlErrorMapping.transportError(CURLE_PARTIAL_FILE, detail: "cut", host: "h", timeout: 5), .connectionLost(detail: "cut"))
        XCTAssertEqual(CurlErrorMapping.transportError(CURLE_GOT_NOTHING, detail: "", host: "h", timeout: 5),
                       .connectionLost(detail: "Server returned nothing (no headers, no data)"))
        XCTAssertTrue(TransportError.dnsFailure(host: "h", detail: "x").requestNotDelivered)
        XCTAssertFalse(TransportError.connectionLost(detail: "x").requestNotDelivered)
    }

    func test_attributeNamesMatchIgnoringASCIICaseOnly() {
        let object: JSONObject = ["userName": "ada", "Émile": 1]
        XCTAssertEqual(object.scimValue(forKey: "USERNAME"), "ada")
        XCTAssertEqual(object.scimValue(forKey: "username"), "ada")
        XCTAssertNil(object.scimValue(forKey: "userNam"))
        XCTAssertNil(object.scimValue(forKey: "userNamE0"))
        XCTAssertNil(object.scimValue(forKey: "USER_NAME"))
    }
}
