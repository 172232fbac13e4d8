/// Options one per line: `◉ chosen` / `○ other`.
public struct RadioGroup: Sendable {
    public var isFocused: Bool

    public init(isFocused: Bool = false) {
        self.isFocused = isFocused
    }

    public func render(_ state: ChoiceState, in area: Rect, frame: inout Frame, theme: Theme) {
        for (index, option) in state.options.enumerated() where index < area.height {
            let mark = index == state.selected ? "◉" : "○"
            var style = theme[.normal]
            if isFocused, index == state.selected { style = style.patched(with: theme[.selection]) }
            frame.buffer.write(TextLayout.truncate(mark + " " + option, toWidth: area.width), x: area.x, y: area.y + index, style: style)
        }
    }
}
