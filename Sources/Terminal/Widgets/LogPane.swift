/// Draws a `LogBuffer`: the lines that fit, ending `scrollBack` lines before the newest,
/// long lines cut with `…`. Scrolled back, the last row says how many newer lines wait.
public struct LogPane: Sendable {
    public var emptyText: String

    public init(emptyText: String = "Nothing logged yet.") {
        self.emptyText = emptyText
    }

    public func render(_ log: LogBuffer, in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, area.width > 0 else { return }
        let lines = log.visibleLines
        if lines.isEmpty {
            frame.buffer.write(TextLayout.truncate(emptyText, toWidth: area.width), x: area.x, y: area.y, style: theme[.muted])
            return
        }
        let scrolled = !log.isFollowing
        let height = scrolled ? max(0, area.height - 1) : area.height
        let end = max(0, lines.endIndex - log.scrollBack)
        let start = max(lines.startIndex, end - height)
        // Only the visible slice is touched, however long the log is.
        for (row, index) in (start..<end).enumerated() {
            let line = lines[index]
            let style = line.role.map { theme[$0] } ?? theme[.normal]
            frame.buffer.write(TextLayout.truncate(line.text, toWidth: area.width), x: area.x, y: area.y + row, style: style)
        }
        if scrolled {
            let notice = "↓ \(NumberText.grouped(log.scrollBack)) newer · End follows"
            let text = TextLayout.truncate(notice, toWidth: area.width)
            frame.buffer.write(text, x: area.maxX - DisplayWidth.of(text), y: area.maxY - 1, style: theme[.muted])
        }
    }
}
