import Foundation
import HTTP
import SCIM
import TestSupport
import XCTest

/// TLS is always verified: a server whose certificate comes from a private CA is refused until
/// that CA is given with `caFile` (`--ca-file`).
final class PrivateCATests: XCTestCase {
    private func check(_ server: TLSTestServer, caFile: String?) async throws -> SCIMCredentialCheck {
        let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: 2, caFile: caFile))
        let client = SCIMClient(configuration: SCIMClientConfiguration(baseURL: server.baseURL, token: try XCTUnwrap(BearerToken("tls-test-token")), timeout: 5,
                                                                       retry: SCIMRetryPolicy(maxAttempts: 1, baseDelay: 0, maxDelay: 0, maxTotalDelay: 0)),
                                transport: transport)
        return await client.testCredentials()
    }

    func test_certificateFromAPrivateCAIsRefusedWithoutTheCAFileAndAcceptedWithIt() async throws {
        let server = try TLSTestServer()
        defer { server.stop() }

        let refused = try await check(server, caFile: nil)
        guard case .unreachable(let reason) = refused else { return XCTFail("expected a TLS failure, got \(refused)") }
        XCTAssertTrue(reason.lowercased().contains("certificate") || reason.contains("TLS"), reason)

        let accepted = try await check(server, caFile: server.caFile)
        XCTAssertEqual(accepted, .verified(totalUsers: 0))
    }
}
