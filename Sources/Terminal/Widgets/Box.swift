/// A single-line border with an optional title in the top edge:
/// `┌ Title ─────┐`. Rendering returns the area inside the border.
public struct Box: Sendable {
    public var title: String?
    public var role: ThemeRole
    public var fillRole: ThemeRole?

    public init(title: String? = nil, role: ThemeRole = .border, fillRole: ThemeRole? = nil) {
        self.title = title
        self.role = role
        self.fillRole = fillRole
    }

    @discardableResult
    public func render(in area: Rect, frame: inout Frame, theme: Theme) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        if let fillRole { frame.buffer.fill(area, style: theme[fillRole]) }
        let style = theme[role]
        let horizontal = String(repeating: "─", count: area.width - 2)
        frame.buffer.write("┌" + horizontal + "┐", x: area.x, y: area.y, style: style)
        frame.buffer.write("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, style: style)
        for row in (area.y + 1)..<(area.maxY - 1) {
            frame.buffer.write("│", x: area.x, y: row, style: style)
            frame.buffer.write("│", x: area.maxX - 1, y: row, style: style)
        }
        if let title, area.width > 4 {
            let text = " " + TextLayout.truncate(title, toWidth: area.width - 4) + " "
            frame.buffer.write(text, x: area.x + 1, y: area.y, style: theme[.title])
        }
        return area.inset(by: 1)
    }
}
