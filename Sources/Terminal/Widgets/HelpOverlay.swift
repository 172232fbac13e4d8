/// The `?` screen: every key that works here, in sections, in a box over the screen.
public struct HelpOverlay: Sendable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var keys: [StatusBar.Hint]
        public init(_ title: String, keys: [StatusBar.Hint]) {
            self.title = title
            self.keys = keys
        }
    }

    public var sections: [Section]
    public var title: String

    public init(title: String = "Keys", sections: [Section]) {
        self.title = title
        self.sections = sections
    }

    public func render(in screen: Rect, frame: inout Frame, theme: Theme) {
        let keyWidth = min(16, sections.flatMap(\.keys).map { DisplayWidth.of($0.key) }.max() ?? 0)
        let labelWidth = sections.flatMap(\.keys).map { DisplayWidth.of($0.label) }.max() ?? 0
        let lineCount = sections.reduce(0) { $0 + 1 + $1.keys.count } + max(0, sections.count - 1) + 1
        let width = min(screen.width - 2, max(DisplayWidth.of(title) + 6, keyWidth + labelWidth + 7))
        let box = screen.centered(width: width, height: min(screen.height - 2, lineCount + 2))
        frame.buffer.patchStyle(screen, style: Style(attributes: .dim))
        let inner = Box(title: title, role: .border, fillRole: .dialog).render(in: box, frame: &frame, theme: theme)
        var y = inner.y
        var shown = 0
        let total = sections.reduce(0) { $0 + $1.keys.count }
        outer: for (index, section) in sections.enumerated() {
            if index > 0 { y += 1 }
            if y >= inner.maxY - 1 { break }
            frame.buffer.write(section.title, x: inner.x + 1, y: y, maxWidth: inner.width - 1, style: theme[.dialog].patched(with: theme[.title]))
            y += 1
            for hint in section.keys {
                if y >= inner.maxY - 1 { break outer }
                frame.buffer.write(TextLayout.fit(hint.key, width: keyWidth), x: inner.x + 2, y: y, style: theme[.dialog].patched(with: theme[.accent]).adding(.bold))
                frame.buffer.write(TextLayout.truncate(hint.label, toWidth: inner.width - keyWidth - 4), x: inner.x + 3 + keyWidth, y: y, style: theme[.dialog])
                y += 1
                shown += 1
            }
        }
        let footer = shown < total ? "… \(total - shown) more: make the window taller · Esc close" : "Esc or ? close"
        frame.buffer.write(TextLayout.truncate(footer, toWidth: inner.width - 1), x: inner.x + 1, y: inner.maxY - 1, style: theme[.dialog].patched(with: theme[.muted]))
    }
}
