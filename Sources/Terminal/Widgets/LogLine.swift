/// One line of a log pane, with an optional role (`.error` for a failed request).
public struct LogLine: Sendable, Equatable {
    public var text: String
    public var role: ThemeRole?

    public init(_ text: String, role: ThemeRole? = nil) {
        self.text = text
        self.role = role
    }
}
