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
}
