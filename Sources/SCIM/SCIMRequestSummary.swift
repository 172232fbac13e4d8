import Foundation

/// A request as it may be shown in an error, a log line or a dump: credentials are `Bearer ****`.
public struct SCIMRequestSummary: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var url: String
    public var headers: [String]
    /// The body as text, cut to a few kilobytes.
    public var body: String?

    public init(_ request: HTTPRequest) {
        method = request.method
        url = request.url.absoluteString
        headers = request.redactedHeaders.map { "\($0.name): \($0.value)" }
        body = request.body.map { Self.excerpt($0) }
    }

    public var description: String { "\(method) \(url)" }

    /// The whole request, headers and body, for a debug dump.
    public var dump: String {
        ([description] + headers + (body.map { ["", $0] } ?? [])).joined(separator: "\n")
    }

    static func excerpt(_ data: Data, limit: Int = 4096) -> String {
        let text = String(decoding: data.prefix(limit), as: UTF8.self)
        return data.count > limit ? text + "… (\(data.count) bytes)" : text
    }
}
