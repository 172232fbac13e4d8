/// The top line of every screen: where you are (`scimdeck ▸ Applications ▸ Axiad Cloud`)
/// on the left, context (`store: ~/.local/share/scimdeck`) on the right. The context
/// gives way first when the line is too narrow; the breadcrumb keeps its last part.
public struct HeaderBar: Sendable {
    public var path: [String]
    public var context: String

    public init(path: [String], context: String = "") {
        self.path = path
        self.context = context
    }

    static let separator = " ▸ "

    public func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, area.width > 2 else { return }
        let style = theme[.header]
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        frame.buffer.fill(line, style: style)
        var crumbs = path.joined(separator: Self.separator)
        // Drop leading parts (never the last) until the breadcrumb fits.
        var parts = path
        while parts.count > 1, DisplayWidth.of(crumbs) > area.width - 2 {
            parts.removeFirst()
            crumbs = "…" + Self.separator + parts.joined(separator: Self.separator)
        }
        let used = frame.buffer.write(TextLayout.truncate(crumbs, toWidth: area.width - 2),
                                      x: area.x + 1, y: area.y, style: style)
        let room = area.width - used - 4
        guard !context.isEmpty, room >= 8 else { return }
        let text = TextLayout.truncate(context, toWidth: room)
        frame.buffer.write(text, x: area.maxX - 1 - DisplayWidth.of(text), y: area.y, style: style)
    }
}
