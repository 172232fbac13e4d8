/// An input field one line tall: label, then the text scrolled so the cursor shows.
/// A masked field (API tokens) shows `•` for every character and never the text.
public struct TextField: Sendable {
    public var label: String
    public var labelWidth: Int
    public var placeholder: String
    public var isMasked: Bool
    public var isFocused: Bool

    public init(label: String = "", labelWidth: Int? = nil, placeholder: String = "", isMasked: Bool = false, isFocused: Bool = false) {
        self.label = label
        self.labelWidth = labelWidth ?? (label.isEmpty ? 0 : DisplayWidth.of(label) + 1)
        self.placeholder = placeholder
        self.isMasked = isMasked
        self.isFocused = isFocused
    }

    public static let maskCharacter: Character = "•"

    public func render(_ state: TextFieldState, in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, area.width > 0 else { return }
        if labelWidth > 0 {
            frame.buffer.write(TextLayout.fit(label, width: labelWidth), x: area.x, y: area.y, maxWidth: min(labelWidth, area.width), style: theme[.normal])
        }
        let fieldX = area.x + min(labelWidth, area.width)
        let fieldWidth = area.maxX - fieldX
        guard fieldWidth > 0 else { return }
        let role: ThemeRole = isFocused ? .inputFocused : .input
        frame.buffer.fill(Rect(x: fieldX, y: area.y, width: fieldWidth, height: 1), style: theme[.normal].patched(with: theme[role]))
        let shown: [Character] = isMasked ? Array(repeating: Self.maskCharacter, count: state.characters.count) : state.characters
        if shown.isEmpty, !placeholder.isEmpty, !isFocused {
            frame.buffer.write(TextLayout.truncate(placeholder, toWidth: fieldWidth), x: fieldX, y: area.y, style: theme[.muted])
        }
        // Scroll: the first character drawn is the earliest that keeps the cursor inside
        // the field (the cursor needs one column of its own at the end).
        var start = 0
        var widthBeforeCursor = 0
        for index in 0..<state.cursor { widthBeforeCursor += DisplayWidth.of(shown[index]) }
        while widthBeforeCursor >= fieldWidth, start < state.cursor {
            widthBeforeCursor -= DisplayWidth.of(shown[start])
            start += 1
        }
        var column = fieldX
        for index in start..<shown.count {
            let width = DisplayWidth.of(shown[index])
            if column + width > area.maxX { break }
            column += frame.buffer.write(String(shown[index]), x: column, y: area.y, style: theme[role])
        }
        if isFocused {
            frame.cursor = Point(x: fieldX + widthBeforeCursor, y: area.y)
        }
    }
}
