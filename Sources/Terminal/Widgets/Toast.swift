/// A short message in the bottom-right corner, above the status bar, that the program
/// removes after a few seconds (with a tick command).
public struct Toast: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case info, success, warning, error
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .info) {
        self.message = message
        self.kind = kind
    }

    var symbol: String {
        switch kind {
        case .info: return "ℹ"
        case .success: return "✓"
        case .warning: return "⚠"
        case .error: return "✗"
        }
    }

    var role: ThemeRole {
        switch kind {
        case .info: return .toast
        case .success: return .success
        case .warning: return .warning
        case .error: return .error
        }
    }

    /// Draws the toast inside `area` (normally the screen minus the status bar).
    public func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.width > 6, area.height > 0 else { return }
        let maxWidth = min(area.width - 2, max(20, area.width / 2))
        let text = " " + symbol + " " + TextLayout.truncate(message, toWidth: maxWidth - 4) + " "
        let width = DisplayWidth.of(text)
        let x = area.maxX - width - 1
        let y = area.maxY - 1
        frame.buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: theme[.toast])
        frame.buffer.write(" " + symbol, x: x, y: y, style: theme[.toast].patched(with: Style(foreground: theme[role].foreground, attributes: .bold)))
        frame.buffer.write(String(text.dropFirst(2)), x: x + 2, y: y, style: theme[.toast])
    }
}
