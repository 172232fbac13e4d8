/// A problem found in an import file, with the line it starts on.
public struct ImportIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The row (or resource, or record) cannot be imported.
        case error
        /// Imported, but something in it was left out.
        case warning
    }

    /// 1-based line in the file; 0 when the format gives no line.
    public var line: Int
    public var reason: String
    public var severity: Severity

    public init(line: Int, reason: String, severity: Severity = .error) {
        self.line = line
        self.reason = reason
        self.severity = severity
    }

    public var description: String {
        let place = line > 0 ? "line \(line)" : "file"
        return severity == .warning ? "\(place): warning: \(reason)" : "\(place): \(reason)"
    }
}
