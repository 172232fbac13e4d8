import Foundation
import SCIM
import TestSupport
import XCTest

/// Test API Credentials tells the admin which of five things is wrong. Loopback only: an unreachable
/// service is a closed local port, a remote http URL is refused before anything is sent.
final class SCIMCredentialsTests: XCTestCase {
    func test_rightTokenIsVerified() async throws {
        let (client, _) = try SCIMTestClients.server()
        let check = await client.testCredentials()
        guard case .verified = check else { return XCTFail("\(check)") }
        XCTAssertTrue(check.message.contains("verified successfully"), check.message)
    }

    func test_wrongTokenIsUnauthorized() async throws {
        let server = try SCIMServerFixture.shared()
        let client = try SCIMTestClients.client(server.baseURL, token: "not-the-token")
        let check = await client.testCredentials()
        XCTAssertEqual(check, .unauthorized(status: 401, detail: "Authorization failure. The authorization header is invalid or missing"))
        XCTAssertFalse(check.message.contains("not-the-token"))
    }

    func test_closedPortIsUnreachable() async throws {
        let port = try TestEnvironment.freeLoopbackPort()
        let client = try SCIMTestClients.client(try XCTUnwrap(URL(string: "http://127.0.0.1:\(port)/v2")), token: "t")
        let check = await client.testCredentials()
        guard case .unreachable(let reason) = check else { return XCTFail("\(check)") }
        XCTAssertTrue(reason.contains("could not connect"), reason)
    }

    func test_baseURLWithoutTheSCIMRootIsNotSCIM() async throws {
        let server = try SCIMServerFixture.shared()
        let client = try SCIMTestClients.client(try XCTUnwrap(URL(string: "http://127.0.0.1:\(server.port)/nothing-here")), token: server.token)
        let check = await client.testCredentials()
        guard case .notSCIM(let reason) = check else { return XCTFail("\(check)") }
        XCTAssertTrue(reason.contains("404"), reason)
    }

    func test_htmlLoginPageIsNotSCIM() async throws {
        let server = try SCIMServerFixture.shared()
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.inject(.htmlPage(status: 200, title: "Sign in to Portal"))
        let client = try SCIMTestClients.client(proxy.baseURL, token: server.token)
        let check = await client.testCredentials()
        guard case .notSCIM(let reason) = check else { return XCTFail("\(check)") }
        XCTAssertTrue(reason.contains("an HTML page titled “Sign in to Portal”"), reason)
    }

    func test_badURLsAreRefusedBeforeSending() async throws {
        let ftp = try SCIMTestClients.client(try XCTUnwrap(URL(string: "ftp://127.0.0.1/scim")), token: "t")
        guard case .badURL = await ftp.testCredentials() else { return XCTFail("ftp accepted") }
        // A bearer token never goes to a remote host over plain http: refused before any DNS lookup.
        let remote = try SCIMTestClients.client(try XCTUnwrap(URL(string: "http://scim.example.com/v2")), token: "t")
        let check = await remote.testCredentials()
        guard case .badURL(let reason) = check else { return XCTFail("\(check)") }
        XCTAssertTrue(reason.contains("--allow-insecure-http"), reason)
    }

    func test_discoveryReadsWhatScim2ServerAnnounces() async throws {
        let (client, _) = try SCIMTestClients.server()
        let discovery = try await client.discover()
        XCTAssertTrue(discovery.etagSupported)
        XCTAssertTrue(discovery.serviceProviderConfig?.patchSupported ?? false)
        XCTAssertTrue(discovery.schemas.contains { $0.id == SCIMSchemaURN.user })
        XCTAssertTrue(discovery.resourceTypes.contains { $0.endpoint == "/Users" })
    }

    func test_discoveryOfAProviderThatAnnouncesNothingIsEmpty() async throws {
        let server = try SCIMServerFixture.shared()
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.inject(.status(404, body: #"{"detail":"not here"}"#), times: 3)
        let client = try SCIMTestClients.client(proxy.baseURL, token: server.token)
        let discovery = try await client.discover()
        XCTAssertNil(discovery.serviceProviderConfig)
        XCTAssertEqual(discovery.schemas, [])
        XCTAssertEqual(discovery.resourceTypes, [])
    }
}
