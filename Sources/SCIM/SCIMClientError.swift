import Foundation

/// Why a SCIM operation failed, with what the provider said and the request that failed (token redacted).
public struct SCIMClientError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public enum Kind: Sendable, Equatable {
        /// The configured base URL cannot be used.
        case invalidBaseURL(String)
        /// The operation cannot be sent as asked (a resource without an id to replace).
        case invalidRequest(String)
        /// No HTTP answer: DNS, connect, TLS, timeout, cut connection, refused insecure http.
        case transport(TransportError)
        /// The provider answered with a status that is not 2xx.
        case status
        /// A 2xx answer whose body is not the SCIM JSON that was expected.
        case notSCIM(reason: String)
        /// A create answered with another resource than the one sent (another userName or displayName):
        /// refused, never linked.
        case foreignResource(endpoint: String, attribute: String, sent: String, got: String?, id: String?)
        /// The app asked the run to pause again, past the most the run may spend paused (`--max-wait`):
        /// the request was not sent.
        case waitLimitExceeded(asked: Double, waited: Double, limit: Double)
    }

    public var kind: Kind
    /// The HTTP status, when there was an answer.
    public var status: Int?
    /// The SCIM `scimType` of an Error body (`uniqueness`, `invalidFilter`, …).
    public var scimType: String?
    /// The provider's `detail`, or a description of a body that was not SCIM.
    public var detail: String?
    public var request: SCIMRequestSummary?
    /// How many times the request was sent.
    public var attempts: Int
    /// The server's `Retry-After`, in seconds, when it gave one.
    public var retryAfter: Double?
    /// True when the body of the answer was a SCIM Error (so `detail` is the provider's own words).
    public var hasSCIMErrorBody: Bool = false

    public init(kind: Kind, status: Int? = nil, scimType: String? = nil, detail: String? = nil,
                request: SCIMRequestSummary? = nil, attempts: Int = 1, retryAfter: Double? = nil) {
        self.kind = kind
        self.status = status
        self.scimType = scimType
        self.detail = detail
        self.request = request
        self.attempts = attempts
        self.retryAfter = retryAfter
    }

    public var description: String {
        let prefix = request.map { "\($0) failed: " } ?? ""
        let suffix = attempts > 1 ? " (after \(attempts) attempts)" : ""
        return prefix + reason + suffix
    }

    public var errorDescription: String? { description }

    /// The reason alone, without the request.
    public var reason: String {
        switch kind {
        case .invalidBaseURL(let url):
            return "the base URL \"\(url)\" is not usable: give an http:// or https:// URL with a host, such as https://example.com/scim/v2"
        case .invalidRequest(let reason):
            return reason
        case .transport(let error):
            return error.description
        case .notSCIM(let reason):
            let statusText = status.map { "HTTP \($0), " } ?? ""
            return "the answer is not SCIM (\(statusText)\(reason)): check that the base URL points at the SCIM endpoint"
        case .status:
            let code = status ?? 0
            var text = "HTTP \(code) \(HTTPStatusText.phrase(code))"
            if let scimType { text += " (\(scimType))" }
            if let detail, !detail.isEmpty { text += ": \(detail)" }
            if let hint = hint { text += ". \(hint)" }
            return text
        case .foreignResource(let endpoint, let attribute, let sent, let got, let id):
            let other = got.map { "\(attribute) \"\($0)\"" } ?? "no \(attribute)"
            return "the app answered POST /\(endpoint) with another resource (\(other)\(id.map { ", id \($0)" } ?? ""), not \(attribute) \"\(sent)\" as sent): refused, not linked; check the app for a wrong or duplicate \(endpoint) entry"
        case .waitLimitExceeded(let asked, let waited, let limit):
            return "not sent: the app asked us to wait \(Self.seconds(asked)) s more after \(Self.seconds(waited)) s of pauses, past --max-wait \(Self.seconds(limit)) s; run sync again later"
        }
    }

    private var hint: String? {
        switch status {
        case 401: return "The API token was refused: check or regenerate it"
        case 403: return "The token is valid but lacks permission for this operation"
        case 429: return "The provider is rate limiting: try again later"
        default: return nil
        }
    }

    /// Worth sending again after a pause: 429, 5xx other than 501/505, and connection failures.
    public var isTransient: Bool {
        switch kind {
        case .transport(let error): return error.isTransient
        case .status:
            guard let status else { return false }
            return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505)
        case .invalidBaseURL, .invalidRequest, .notSCIM, .foreignResource, .waitLimitExceeded: return false
        }
    }

    /// True when the server surely did not act on the request (refused before sending, or 429).
    public var requestNotActedOn: Bool {
        switch kind {
        case .transport(let error): return error.requestNotDelivered
        case .invalidBaseURL, .invalidRequest: return true
        case .status: return status == 429
        case .waitLimitExceeded: return true
        case .notSCIM, .foreignResource: return false
        }
    }

    /// True when the server may or may not have acted on the request: the connection broke or timed
    /// out after sending, a 5xx, or a 2xx whose body could not be read. A create is looked up after one
    /// of these before anything else; a 4xx is a clear "no" and needs no lookup.
    public var outcomeUnknown: Bool {
        switch kind {
        case .transport(let error): return !error.requestNotDelivered && error != .cancelled
        case .status: return (status ?? 0) >= 500
        case .notSCIM: return true
        case .invalidBaseURL, .invalidRequest, .foreignResource, .waitLimitExceeded: return false
        }
    }

    static func seconds(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)
    }
}
