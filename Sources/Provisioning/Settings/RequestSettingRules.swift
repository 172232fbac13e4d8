import Foundation

/// The rules of the two request settings next to the profile: the User-Agent an app is sent and the
/// requests in flight at once. Each takes `default` for scimdeck's own (nil in the store).
public enum RequestSettingRules {
    /// What Okta's client calls itself; some apps let in only that.
    public static let oktaUserAgent = "Okta SCIM Client 1.0.0"
    public static let maxConcurrency = 64

    /// A value to store (nil: scimdeck's own), or the sentence that says what is wrong.
    enum Parsed<Value> {
        case value(Value?)
        case problem(String)
    }

    /// Printable text of at most 200 characters. An HTTP header cannot carry a line break, and a
    /// control character would be sent as it is.
    static func userAgent(_ text: String) -> Parsed<String> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "default" { return .value(nil) }
        guard !trimmed.isEmpty, trimmed.count <= 200 else { return .problem("User-Agent must be 1 to 200 characters, or \"default\"") }
        guard trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
            return .problem("User-Agent must be printable ASCII (no control characters or line breaks)")
        }
        return .value(trimmed)
    }

    /// A whole number from 1 to `maxConcurrency` (nil: 4).
    static func concurrency(_ text: String) -> Parsed<Int> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "default" { return .value(nil) }
        guard let count = Int(trimmed), (1...maxConcurrency).contains(count) else {
            return .problem("--concurrency must be a whole number from 1 to \(maxConcurrency), or \"default\"")
        }
        return .value(count)
    }
}
