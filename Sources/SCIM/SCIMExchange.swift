/// One request sent and what came of it, as the Log tab shows it (token redacted).
public struct SCIMExchange: Sendable {
    public var request: SCIMRequestSummary
    /// Nil when no HTTP answer was had.
    public var status: Int?
    /// Seconds from send to last byte.
    public var latency: Double
    /// The response body, cut to a few kilobytes.
    public var responseBody: String?
    public var error: TransportError?
    /// 1 for the first send, 2 for the first retry, …
    public var attempt: Int
}
