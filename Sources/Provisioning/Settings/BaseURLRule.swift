import Foundation

/// The SCIM base URL rule, shown beside the Integration tab's field as it is typed and applied by every save: an absolute https URL, or plain
/// http to a loopback host (a test server), never plain http across a network with a bearer token.
public enum BaseURLRule {
    /// Nil when the URL is acceptable; otherwise the reason.
    public static func problem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return "Enter the SCIM base URL, e.g. https://example.com/scim/v2" }
        if trimmed.contains(where: \.isWhitespace) { return "The base URL must not contain spaces" }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            return "The base URL must be absolute, e.g. https://example.com/scim/v2"
        }
        if scheme == "https" { return nil }
        if scheme == "http", ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased()) { return nil }
        return "The base URL must use https (plain http is allowed to a loopback address only)"
    }
}
