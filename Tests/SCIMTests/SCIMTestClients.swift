import Foundation
import HTTP
import SCIM
import TestSupport

/// Clients for the tests: one libcurl transport for the whole run, retry pauses kept short.
enum SCIMTestClients {
    static let transport: CurlTransport = {
        do {
            return try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: 8))
        } catch {
            preconditionFailure("libcurl transport did not start: \(error)")
        }
    }()

    static let fastRetry = SCIMRetryPolicy(maxAttempts: 4, baseDelay: 0.01, maxDelay: 0.05, maxTotalDelay: 5)

    static func client(_ baseURL: URL, token: String, retry: SCIMRetryPolicy = fastRetry, timeout: Double = 10,
                       memberBatchSize: Int = 100, useETags: Bool = false,
                       observer: (@Sendable (SCIMExchange) -> Void)? = nil) throws -> SCIMClient {
        guard let bearer = BearerToken(token) else { throw TestClientError.badToken }
        let configuration = SCIMClientConfiguration(baseURL: baseURL, token: bearer, timeout: timeout, retry: retry,
                                                    memberBatchSize: memberBatchSize, useETags: useETags)
        return SCIMClient(configuration: configuration, transport: transport, observer: observer)
    }

    /// A client of the shared scim2-server.
    static func server(retry: SCIMRetryPolicy = fastRetry, memberBatchSize: Int = 100, useETags: Bool = false) throws -> (SCIMClient, SCIMServerFixture) {
        let server = try SCIMServerFixture.shared()
        return (try client(server.baseURL, token: server.token, retry: retry, memberBatchSize: memberBatchSize, useETags: useETags), server)
    }

    /// A fresh userName no other test uses (the server is shared by every test of the run).
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}

enum TestClientError: Error {
    case badToken
}

/// Collects what the client's observer is told, from any thread.
final class ExchangeRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SCIMExchange] = []

    var exchanges: [SCIMExchange] { lock.withLock { recorded } }

    func record(_ exchange: SCIMExchange) {
        lock.withLock { recorded.append(exchange) }
    }
}
