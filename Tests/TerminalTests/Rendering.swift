@testable import Terminal

/// Draws into a fresh frame and returns it, so a test can compare lines and cells.
func rendered(columns: Int, rows: Int, theme: Theme = .mono, _ draw: (inout Frame, Theme) -> Void) -> Frame {
    var frame = Frame(size: TerminalSize(columns: columns, rows: rows), background: theme[.normal])
    draw(&frame, theme)
    return frame
}

extension Frame {
    var lines: [String] { (0..<buffer.height).map(buffer.line) }
}
