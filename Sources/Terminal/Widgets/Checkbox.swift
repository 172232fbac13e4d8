/// `☑ Create Users` / `☐ Create Users`. Space or Enter toggles (see `toggles(on:)`).
public struct Checkbox: Sendable {
    public var label: String
    public var isChecked: Bool
    public var isFocused: Bool
    public var isEnabled: Bool

    public init(label: String, isChecked: Bool, isFocused: Bool = false, isEnabled: Bool = true) {
        self.label = label
        self.isChecked = isChecked
        self.isFocused = isFocused
        self.isEnabled = isEnabled
    }

    public static func toggles(on key: Key) -> Bool {
        key == .character(" ") || key == .enter
    }

    public func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0 else { return }
        let mark = isChecked ? "☑" : "☐"
        var style = theme[.normal]
        if isFocused { style = style.patched(with: theme[.selection]) }
        if !isEnabled { style = style.patched(with: theme[.muted]) }
        frame.buffer.write(TextLayout.truncate(mark + " " + label, toWidth: area.width), x: area.x, y: area.y, style: style)
    }
}
