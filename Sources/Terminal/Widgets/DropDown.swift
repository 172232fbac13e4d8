/// A closed drop-down shows `value ▾`; open, it lays its list over what is below it
/// (draw it last), the highlighted option marked.
public struct DropDown: Sendable {
    public var isFocused: Bool

    public init(isFocused: Bool = false) {
        self.isFocused = isFocused
    }

    public func render(_ state: ChoiceState, in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, area.width > 2 else { return }
        let role: ThemeRole = isFocused ? .inputFocused : .input
        let value = TextLayout.fit(state.selectedOption ?? "", width: area.width - 2)
        frame.buffer.write(value + " ▾", x: area.x, y: area.y, style: theme[.normal].patched(with: theme[role]))
        guard state.isOpen else { return }
        let listHeight = min(state.options.count, max(0, frame.size.rows - area.y - 3))
        let list = Rect(x: area.x, y: area.y + 1, width: area.width, height: listHeight + 2)
        let inner = Box(role: .border, fillRole: .dialog).render(in: list, frame: &frame, theme: theme)
        let offset = TableState.effectiveOffset(selected: state.highlighted, offset: 0, height: inner.height, count: state.options.count)
        for line in 0..<inner.height where offset + line < state.options.count {
            let index = offset + line
            let text = TextLayout.fit(state.options[index], width: inner.width)
            let style = index == state.highlighted ? theme[.dialog].patched(with: theme[.selection]) : theme[.dialog]
            frame.buffer.write(text, x: inner.x, y: inner.y + line, style: style)
        }
    }
}
