/// Why no HTTP answer was had. Thrown by every `HTTPTransport`.
public enum TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL cannot be sent at all (no host, a scheme other than http/https).
    case invalidURL(String)
    /// Plain `http://` to a host that is not loopback, without `--allow-insecure-http`.
    case insecureHTTPRefused(host: String)
    case dnsFailure(host: String, detail: String)
    case connectFailed(detail: String)
    case tlsFailure(detail: String)
    case timedOut(seconds: Double)
    /// The connection broke after the request went out (cut mid-response, empty reply, reset).
    case connectionLost(detail: String)
    case cancelled
    case failed(code: Int, detail: String)

    public var description: String {
        switch self {
        case .invalidURL(let url):
            return "invalid URL \(url): use http:// or https:// with a host name"
        case .insecureHTTPRefused(let host):
            return "refused to send a bearer token in clear over plain http to \(host): use https, or pass --allow-insecure-http if this network is trusted"
        case .dnsFailure(let host, let detail):
            return "could not resolve host \(host) (\(detail)): check the URL's host name and your DNS"
        case .connectFailed(let detail):
            return "could not connect (\(detail)): check the host and port, and that the service is up"
        case .tlsFailure(let detail):
            return "TLS failed (\(detail)): check the certificate, or pass --ca-file for a private CA"
        case .timedOut(let seconds):
            return "no complete answer within \(Self.format(seconds)) s: the service is slow or unreachable"
        case .connectionLost(let detail):
            return "the connection broke before the answer was complete (\(detail))"
        case .cancelled:
            return "the request was cancelled"
        case .failed(let code, let detail):
            return "the request failed (curl error \(code): \(detail))"
        }
    }

    /// True when the request certainly never reached the server, so even a POST may be resent.
    public var requestNotDelivered: Bool {
        switch self {
        case .invalidURL, .insecureHTTPRefused, .dnsFailure, .connectFailed, .tlsFailure: return true
        case .timedOut, .connectionLost, .cancelled, .failed: return false
        }
    }

    /// True when trying again later may help.
    public var isTransient: Bool {
        switch self {
        case .connectFailed, .connectionLost: return true
        case .invalidURL, .insecureHTTPRefused, .dnsFailure, .tlsFailure, .timedOut, .cancelled, .failed: return false
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
    }
}
