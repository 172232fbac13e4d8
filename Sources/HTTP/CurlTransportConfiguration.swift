import SCIM

/// How the libcurl transport behaves. TLS peer and host verification are always on; there is no switch to turn them off.
public struct CurlTransportConfiguration: Sendable, Equatable {
    /// Most transfers running at once; further requests wait their turn in order.
    public var maxInFlight: Int
    /// A PEM file of CA certificates to trust instead of the system's (`--ca-file`, for a private CA).
    public var caFile: String?
    /// Send over plain `http://` to hosts that are not loopback. Off by default: a bearer token must not cross a network in clear.
    public var allowInsecureHTTP: Bool
    /// Seconds allowed for DNS, TCP and TLS set-up, within the request's own timeout.
    public var connectTimeout: Double
    /// A response body larger than this is abandoned (a SCIM page is kilobytes; this stops a runaway answer).
    public var maxResponseBytes: Int
    /// Sent when a request carries no `User-Agent` of its own (an app's setting, see `SCIMClientConfiguration`).
    public var userAgent: String

    public init(maxInFlight: Int = 8, caFile: String? = nil, allowInsecureHTTP: Bool = false, connectTimeout: Double = 10,
                maxResponseBytes: Int = 64 << 20, userAgent: String = SCIMClientConfiguration.defaultUserAgent) {
        self.maxInFlight = max(1, maxInFlight)
        self.caFile = caFile
        self.allowInsecureHTTP = allowInsecureHTTP
        self.connectTimeout = connectTimeout
        self.maxResponseBytes = maxResponseBytes
        self.userAgent = userAgent
    }
}
