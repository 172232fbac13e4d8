import Foundation

/// The checks of the Sign On form, each giving the reason shown beside its field (nil when the value is fine).
public enum SignOnFieldRules {
    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]

    /// An absolute https URL; plain http only to a loopback host (a test SP on this machine).
    public static func urlProblem(_ text: String, required: Bool = true) -> String? {
        if text.isEmpty { return required ? "required: the URL the app gives for it" : nil }
        if let problem = spacesProblem(text) { return problem }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { return "must be an absolute URL such as https://app.example.com/saml/acs" }
        switch scheme {
        case "https": return nil
        case "http" where loopbackHosts.contains(host.lowercased()): return nil
        case "http": return "must use https (plain http only to a loopback address)"
        default: return "must be an https URL, not \(scheme):"
        }
    }

    /// The SP entity ID: required, no spaces; often a URL, but a URN is as good, so only a URL is held to the URL rules.
    public static func audienceProblem(_ text: String) -> String? {
        if text.isEmpty { return "required: the SP Entity ID the app gives" }
        if let problem = spacesProblem(text) { return problem }
        return text.contains("://") ? urlProblem(text) : nil
    }

    /// Optional; when it is a URL (Axiad's is), the URL rules apply.
    public static func relayStateProblem(_ text: String) -> String? {
        if text.isEmpty { return nil }
        if let problem = spacesProblem(text) { return problem }
        return text.contains("://") ? urlProblem(text) : nil
    }

    static func spacesProblem(_ text: String) -> String? {
        text.contains(where: { $0.isWhitespace || $0.isNewline }) ? "must not contain spaces" : nil
    }
}
