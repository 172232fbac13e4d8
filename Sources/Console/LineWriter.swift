import Terminal

/// Writes a panel top to bottom, a line at a time, and stops quietly when the panel is full
/// (a small terminal shows the first lines, never lines drawn over each other).
struct LineWriter {
    let area: Rect
    private(set) var y: Int

    init(area: Rect) {
        self.area = area
        y = area.y
    }

    /// The row for the next line, or nil when the panel is full.
    mutating func next() -> Int? {
        guard y < area.maxY else { return nil }
        defer { y += 1 }
        return y
    }

    mutating func skip() { y += 1 }

    /// A section title, with an optional key hint on the right (`[e] Edit`).
    mutating func heading(_ title: String, trailing: String? = nil, frame: inout Frame, theme: Theme) {
        guard let row = next() else { return }
        _ = frame.buffer.write(title, x: area.x + 1, y: row, maxWidth: area.width - 2, style: theme[.title])
        if let trailing {
            let width = DisplayWidth.of(trailing)
            if DisplayWidth.of(title) + width + 4 <= area.width {
                _ = frame.buffer.write(trailing, x: area.maxX - 1 - width, y: row, style: theme[.accent])
            }
        }
    }

    /// `label     value`, the label in a fixed column.
    mutating func field(_ label: String, _ value: String, labelWidth: Int = 24, role: ThemeRole = .normal, frame: inout Frame, theme: Theme) {
        guard let row = next() else { return }
        _ = frame.buffer.write(TextLayout.fit(" " + label, width: labelWidth), x: area.x + 1, y: row, style: theme[.muted])
        _ = frame.buffer.write(value, x: area.x + 1 + labelWidth, y: row, maxWidth: max(0, area.width - labelWidth - 2), style: theme[role])
    }

    mutating func text(_ text: String, indent: Int = 0, role: ThemeRole = .normal, frame: inout Frame, theme: Theme) {
        guard let row = next() else { return }
        _ = frame.buffer.write(text, x: area.x + 1 + indent, y: row, maxWidth: max(0, area.width - 2 - indent), style: theme[role])
    }

    /// The reason a field above is wrong, under its input.
    mutating func problem(_ reason: String, labelWidth: Int, frame: inout Frame, theme: Theme) {
        text("✗ " + reason, indent: labelWidth, role: .error, frame: &frame, theme: theme)
    }
}
