import Foundation

/// One HTTP exchange as the SCIM client sees it. The transport (libcurl, in the HTTP target)
/// knows nothing of SCIM; the SCIM client knows nothing of sockets.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?
    /// Seconds before the whole exchange is abandoned.
    public var timeout: Double

    public init(method: String, url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil, timeout: Double = 30) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The headers as they may appear in a log, an error or a debug dump: credentials hidden.
    public var redactedHeaders: [(name: String, value: String)] {
        headers.map { header in
            let name = header.name.lowercased()
            guard name == "authorization" || name == "proxy-authorization" || name == "cookie" else { return header }
            let scheme = header.value.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            let hidden = scheme.isEmpty || scheme == header.value ? "****" : "\(scheme) ****"
            return (header.name, hidden)
        }
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body && lhs.timeout == rhs.timeout
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// Wall time from send to last byte, in seconds.
    public var latency: Double
    /// How many times the transport sent the request for this answer: more than one when it re-sent
    /// it by itself (libcurl does, for an idempotent request whose reused connection died unanswered).
    public var sends: Int

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data(), latency: Double = 0, sends: Int = 1) {
        self.status = status
        self.headers = headers
        self.body = body
        self.latency = latency
        self.sends = sends
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends HTTP requests. Implemented over libcurl in the HTTP target, and by fakes in tests.
public protocol HTTPTransport: Sendable {
    /// Throws `TransportError` when no HTTP answer was had (DNS, connect, TLS, timeout, cut connection).
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
