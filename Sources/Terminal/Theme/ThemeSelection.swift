/// The theme to draw with, and what went wrong finding it (shown to the user once).
public struct ThemeSelection: Sendable, Equatable {
    public var theme: Theme
    /// True when colour must not be used at all (`NO_COLOR`, or a terminal without colour).
    public var colorEnabled: Bool
    public var warnings: [String]

    public init(theme: Theme, colorEnabled: Bool, warnings: [String]) {
        self.theme = theme
        self.colorEnabled = colorEnabled
        self.warnings = warnings
    }
}
