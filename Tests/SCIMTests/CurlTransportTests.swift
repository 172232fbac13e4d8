import Foundation
import HTTP
import SCIM
import TestSupport
import XCTest

/// The libcurl transport itself, against scim2-server behind the fault proxy.
final class CurlTransportTests: XCTestCase {
    func test_plainHTTPToARemoteHostIsRefused() async throws {
        let transport = try CurlTransport()
        let request = HTTPRequest(method: "GET", url: try XCTUnwrap(URL(string: "http://scim.example.com/v2/Users")),
                                  headers: [("Authorization", "Bearer x")])
        do {
            _ = try await transport.send(request)
            XCTFail("plain http to a remote host was sent")
        } catch let error as TransportError {
            XCTAssertEqual(error, .insecureHTTPRefused(host: "scim.example.com"))
        }
    }

    func test_requestsInFlightAreBounded() async throws {
        let server = try SCIMServerFixture.shared()
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.inject(.delay(0.4), times: 4)
        let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: 2))
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(proxy.port)/v2/ServiceProviderConfig"))
        let started = Date()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask { try await transport.send(HTTPRequest(method: "GET", url: url, headers: [("Authorization", "Bearer \(server.token)")])).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        XCTAssertEqual(statuses, [200, 200, 200, 200])
        // Two at a time: two rounds of 0.4 s.
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.75)
    }

    func test_cancellingTheTaskStopsTheTransfer() async throws {
        let server = try SCIMServerFixture.shared()
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.inject(.delay(3))
        let transport = try CurlTransport()
        let url = try XCTUnwrap(URL(string: "http://127.0.0.1:\(proxy.port)/v2/Users"))
        let started = Date()
        let task = Task { try await transport.send(HTTPRequest(method: "GET", url: url)) }
        try await Task.sleep(nanoseconds: 200_000_000)
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled request completed")
        } catch let error as TransportError {
            XCTAssertEqual(error, .cancelled)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }

    func test_responseHeadersAndBodyArrive() async throws {
        let server = try SCIMServerFixture.shared()
        let transport = try CurlTransport()
        let body = Data(#"{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"hdr-\#(UUID().uuidString)"}"#.utf8)
        let response = try await transport.send(HTTPRequest(
            method: "POST", url: server.baseURL.appendingPathComponent("Users"),
            headers: [("Authorization", "Bearer \(server.token)"), ("Content-Type", "application/scim+json")], body: body))
        XCTAssertEqual(response.status, 201)
        XCTAssertNotNil(response.header("etag"))
        XCTAssertNotNil(response.header("Location"))
        XCTAssertGreaterThan(response.latency, 0)
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).contains("\"id\""))
    }

    /// `Accept-Encoding` is offered and a gzip answer arrives decoded.
    func test_gzipAnswerIsDecoded() async throws {
        let server = try SCIMServerFixture.shared()
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        let gzipped = try XCTUnwrap(Data(base64Encoded: Self.gzippedListResponse))
        proxy.inject(.body(200, headers: ["Content-Type": "application/scim+json", "Content-Encoding": "gzip"], bytes: gzipped))
        let client = try SCIMTestClients.client(proxy.baseURL, token: server.token)
        let users = try await client.list(SCIMUser.self)
        XCTAssertEqual(users.resources.map(\.userName), ["zipped"])
        let offered = proxy.seen.first?.headers.first { $0.lowercased().hasPrefix("accept-encoding:") } ?? ""
        XCTAssertTrue(offered.contains("gzip"), offered)
    }

    /// https to a port that speaks plain http: the TLS handshake fails, and says so.
    func test_tlsHandshakeFailureIsReported() async throws {
        let server = try SCIMServerFixture.shared()
        let client = try SCIMTestClients.client(try XCTUnwrap(URL(string: "https://127.0.0.1:\(server.port)/v2")), token: server.token)
        let check = await client.testCredentials()
        guard case .unreachable(let reason) = check else { return XCTFail("\(check)") }
        XCTAssertTrue(reason.contains("TLS failed"), reason)
    }

    /// {"totalResults":1,"Resources":[{"id":"gz1","userName":"zipped",…}],…} compressed by Python's gzip.
    static let gzippedListResponse = "H4sIAAAAAAACA4WOQQqDQAxFryJZl1K7zA0KpUihq+IijKkdcJwhyYAo3r2juO8yj/z/3wLqvhxIAas3ZBnRs30wkVBQVOcDUvIYWJV6VryeL3j3ak/WFEdlaE8VWDQaCsmDbT11QWokdhs7ng7gjYM2LE2pOVBJxCyO9+3lv8jxgC4K7yIvZdkFfFdS0M81lCMX+qCwrcDsU+IO1nb9AZVOvMjpAAAA"
}
