/// The line a tab shows in the status bar: what just happened, or what went wrong and what to do.
public struct StatusLine: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, error }

    public var kind: Kind
    public var text: String

    public static func info(_ text: String) -> StatusLine { StatusLine(kind: .info, text: text) }
    public static func error(_ text: String) -> StatusLine { StatusLine(kind: .error, text: text) }
}
