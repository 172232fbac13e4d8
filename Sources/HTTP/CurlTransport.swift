import CCurl
import Foundation
import SCIM

/// `HTTPTransport` over libcurl: one multi handle on its own thread, connections kept alive and reused,
/// HTTP/2 where the server offers it over TLS, at most `maxInFlight` transfers at once, TLS always verified,
/// proxies from the environment, compressed answers decoded. Plain http is refused to any host that is
/// not loopback unless `allowInsecureHTTP` is set.
public final class CurlTransport: HTTPTransport, Sendable {
    public let configuration: CurlTransportConfiguration
    private let loop: CurlMultiLoop

    public init(configuration: CurlTransportConfiguration = CurlTransportConfiguration()) throws {
        guard let loop = CurlMultiLoop(configuration: configuration) else {
            throw TransportError.failed(code: -1, detail: "libcurl could not start (\(CurlRuntime.versionDescription))")
        }
        self.configuration = configuration
        self.loop = loop
        loop.start()
    }

    deinit {
        loop.shutdown()
    }

    /// The libcurl version and features, for `--version` style output.
    public static var libraryVersion: String { CurlRuntime.versionDescription }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let useProxy = try check(request.url)
        try Task.checkCancellation()
        let transfer = CurlTransfer(request: request, useProxy: useProxy)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(transfer, continuation)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Refuses what must not be sent; returns whether a proxy from the environment may be used (never for loopback).
    private func check(_ url: URL) throws(TransportError) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty
        else { throw .invalidURL(url.absoluteString) }
        let loopback = LoopbackHost.isLoopback(host)
        if scheme == "http", !loopback, !configuration.allowInsecureHTTP { throw .insecureHTTPRefused(host: host) }
        return !loopback
    }
}
