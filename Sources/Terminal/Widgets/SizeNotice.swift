/// Shown instead of the screen when the terminal is smaller than 80×24.
public struct SizeNotice: Sendable {
    public var minimum: TerminalSize

    public init(minimum: TerminalSize = .minimum) {
        self.minimum = minimum
    }

    public func render(frame: inout Frame, theme: Theme) {
        let size = frame.size
        let lines = [
            "Make the window larger",
            "scimdeck needs \(minimum.columns)×\(minimum.rows);",
            "this one is \(size.columns)×\(size.rows).",
            "q quits",
        ]
        let top = max(0, (size.rows - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.rows {
            let text = TextLayout.truncate(line, toWidth: size.columns)
            let x = max(0, (size.columns - DisplayWidth.of(text)) / 2)
            frame.buffer.write(text, x: x, y: top + index, style: index == 0 ? theme[.title] : theme[.normal])
        }
    }
}
