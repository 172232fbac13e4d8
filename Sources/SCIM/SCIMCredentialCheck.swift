/// What **Test API Credentials** found, with the message to show the admin.
public enum SCIMCredentialCheck: Sendable, Equatable {
    /// An authenticated list call got a SCIM ListResponse.
    case verified(totalUsers: Int)
    /// The base URL cannot be used as given (scheme, host, plain http to a remote host).
    case badURL(String)
    /// DNS, connect, TLS or timeout: no HTTP answer.
    case unreachable(String)
    /// 401 or 403: the token was refused.
    case unauthorized(status: Int, detail: String?)
    /// Something answered, but not a SCIM endpoint (404, HTML, JSON of another shape).
    case notSCIM(String)
    /// A SCIM endpoint that failed for another reason (5xx, 429, …).
    case failed(String)

    public var succeeded: Bool {
        if case .verified = self { return true }
        return false
    }

    public var message: String {
        switch self {
        case .verified(let total):
            return "API credentials verified successfully (\(total) user\(total == 1 ? "" : "s") visible)."
        case .badURL(let reason):
            return "Bad base URL: \(reason)"
        case .unreachable(let reason):
            return "Cannot reach the SCIM service: \(reason)"
        case .unauthorized(let status, let detail):
            let said = detail.map { " The service said: \($0)\($0.hasSuffix(".") ? "" : ".")" } ?? ""
            return status == 403
                ? "The API token was accepted but lacks permission (HTTP 403).\(said) Grant the token access to Users."
                : "The API token was refused (HTTP 401).\(said) Check or regenerate the token."
        case .notSCIM(let reason):
            return "Not a SCIM endpoint: \(reason)"
        case .failed(let reason):
            return "The SCIM service failed the test: \(reason)"
        }
    }
}
