import Foundation
import JSON
import Store

/// One logged SCIM request as the Log tab opens it: what was sent, what came back, both bodies
/// laid out as indented JSON (the token was never logged: bodies are stored redacted).
public enum RequestLogDetail {
    public static func title(_ entry: RequestLogEntry) -> String {
        "\(entry.method) \(entry.path)"
    }

    public static func lines(_ entry: RequestLogEntry) -> [String] {
        var lines = [
            "Sent       \(AppDetail.timestamp(entry.sentAt))",
            "Status     \(entry.statusCode.map(String.init) ?? "no answer")   \(entry.latencyMilliseconds) ms   \(entry.result)",
            "",
            "Request body",
        ]
        lines += body(entry.requestBody)
        lines += ["", "Response body"]
        lines += body(entry.responseBody)
        return lines
    }

    /// JSON indented with its keys sorted; anything else as it came, line by line.
    static func body(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return ["  (none)"] }
        if let json = try? JSONValue.parse(text) {
            return json.encodedText(pretty: true).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    }
}
