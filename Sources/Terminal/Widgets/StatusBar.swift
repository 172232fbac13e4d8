/// The bottom line: what is happening on the left, the keys that work here on the right.
/// Hints that do not fit are dropped from the end; the message is truncated with `…`.
public struct StatusBar: Sendable {
    public struct Hint: Sendable, Hashable {
        public var key: String
        public var label: String
        public init(_ key: String, _ label: String) {
            self.key = key
            self.label = label
        }
    }

    public var message: String
    public var messageRole: ThemeRole
    public var hints: [Hint]

    public init(message: String = "", messageRole: ThemeRole = .statusBar, hints: [Hint]) {
        self.message = message
        self.messageRole = messageRole
        self.hints = hints
    }

    public func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, area.width > 0 else { return }
        let y = area.y
        frame.buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.statusBar])
        let widths = hints.map { DisplayWidth.of($0.key) + 1 + DisplayWidth.of($0.label) }
        var shown = hints.count
        let messageWidth = min(DisplayWidth.of(message), max(0, area.width / 2))
        func hintsWidth(_ count: Int) -> Int {
            count == 0 ? 0 : widths.prefix(count).reduce(0, +) + 2 * (count - 1) + 2
        }
        while shown > 0, hintsWidth(shown) + (message.isEmpty ? 0 : messageWidth + 2) > area.width { shown -= 1 }
        var column = area.maxX - hintsWidth(shown) + 1
        if message.isEmpty { column = area.x + 1 }
        for index in 0..<shown {
            let hint = hints[index]
            column += frame.buffer.write(hint.key, x: column, y: y, style: theme[.statusKey])
            column += frame.buffer.write(" " + hint.label, x: column, y: y, style: theme[.statusBar])
            column += 2
        }
        if !message.isEmpty {
            let room = (shown > 0 ? area.maxX - hintsWidth(shown) : area.maxX) - area.x - 2
            let text = TextLayout.truncate(message, toWidth: room)
            frame.buffer.write(text, x: area.x + 1, y: y, style: theme[.statusBar].patched(with: theme[messageRole]))
        }
    }
}
