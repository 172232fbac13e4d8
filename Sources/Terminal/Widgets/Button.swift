/// A push button drawn as `[ Save ]`; focused it takes the `button-focused` role, disabled
/// it is muted. `render` returns where it was drawn, for mouse hit-testing.
public struct Button: Sendable {
    public var title: String
    public var isFocused: Bool
    public var isEnabled: Bool

    public init(_ title: String, isFocused: Bool = false, isEnabled: Bool = true) {
        self.title = title
        self.isFocused = isFocused
        self.isEnabled = isEnabled
    }

    /// The columns the button takes: the title plus `[ ` and ` ]`.
    public var width: Int { DisplayWidth.of(title) + 4 }

    /// Enter and Space press a focused button.
    public static func presses(on key: Key) -> Bool {
        key == .enter || key == .character(" ")
    }

    @discardableResult
    public func render(at origin: Point, maxWidth: Int? = nil, frame: inout Frame, theme: Theme) -> Rect {
        let room = min(width, maxWidth ?? width)
        guard room >= 5 else { return Rect(x: origin.x, y: origin.y, width: 0, height: 0) }
        var style = theme[isFocused ? .buttonFocused : .button]
        if !isEnabled { style = theme[.muted] }
        let label = "[ " + TextLayout.truncate(title, toWidth: room - 4) + " ]"
        let used = frame.buffer.write(label, x: origin.x, y: origin.y, maxWidth: room, style: style)
        return Rect(x: origin.x, y: origin.y, width: used, height: 1)
    }
}
