/// A modal box in the middle of the screen: a title in the border, a wrapped message,
/// room for other widgets (`bodyHeight` lines), and buttons at the bottom right:
/// `[ Cancel ]  [ Unlink ]`. The screen behind is dimmed.
public struct Dialog: Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var bodyHeight: Int
    public var width: Int

    public init(title: String, message: String = "", buttons: [String], bodyHeight: Int = 0, width: Int = 60) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.bodyHeight = bodyHeight
        self.width = width
    }

    public struct Layout: Sendable, Equatable {
        public var frame: Rect
        /// Where the caller draws the dialog's own widgets.
        public var body: Rect
        public var buttons: [Rect]
    }

    public func layout(in screen: Rect) -> Layout {
        let boxWidth = min(width, screen.width)
        let messageLines = message.isEmpty ? [] : TextLayout.wrap(message, width: max(1, boxWidth - 4))
        let height = min(screen.height, 2 + messageLines.count + bodyHeight + 2)
        let box = screen.centered(width: boxWidth, height: height)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        let body = Rect(x: inner.x, y: inner.y + messageLines.count, width: inner.width,
                        height: min(bodyHeight, max(0, inner.height - messageLines.count - 1)))
        var buttonRects: [Rect] = []
        var x = inner.maxX
        for title in buttons.reversed() {
            let width = DisplayWidth.of(title) + 4
            x -= width
            buttonRects.insert(Rect(x: x, y: box.maxY - 2, width: width, height: 1), at: 0)
            x -= 2
        }
        return Layout(frame: box, body: body, buttons: buttonRects)
    }

    /// The button under a mouse click, if any.
    public func button(at point: Point, in screen: Rect) -> Int? {
        layout(in: screen).buttons.firstIndex { $0.contains(point) }
    }

    @discardableResult
    public func render(_ state: DialogState, in screen: Rect, frame: inout Frame, theme: Theme) -> Layout {
        frame.buffer.patchStyle(screen, style: Style(attributes: .dim))
        let layout = layout(in: screen)
        let inner = Box(title: title, role: .border, fillRole: .dialog).render(in: layout.frame, frame: &frame, theme: theme)
        let lines = message.isEmpty ? [] : TextLayout.wrap(message, width: max(1, layout.frame.width - 4))
        for (index, line) in lines.enumerated() where index < inner.height {
            frame.buffer.write(line, x: inner.x + 1, y: inner.y + index, maxWidth: inner.width - 2, style: theme[.dialog])
        }
        for (index, rect) in layout.buttons.enumerated() where rect.x >= inner.x {
            let role: ThemeRole = index == state.focusedButton ? .buttonFocused : .button
            frame.buffer.write("[ " + buttons[index] + " ]", x: rect.x, y: rect.y, style: theme[.dialog].patched(with: theme[role]))
        }
        return layout
    }
}
