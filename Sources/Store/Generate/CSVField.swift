import Foundation

/// Quotes a value for a CSV field when it needs it (comma, quote, line break), as RFC 4180 says.
enum CSVField {
    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
