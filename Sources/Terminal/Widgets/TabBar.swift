/// A row of tab titles separated by `│`, the selected one highlighted. When the titles
/// are wider than the row, it scrolls so the selected tab shows, with `‹` / `›` marks.
public struct TabBar: Sendable {
    public var titles: [String]
    public var selected: Int

    public init(titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    static let separator = " │ "

    /// Where each tab sits in a row of `width` columns starting at column 0 of the area;
    /// tabs scrolled out of view have no span.
    public func spans(width: Int) -> [Range<Int>?] {
        guard !titles.isEmpty, width > 0 else { return titles.map { _ in nil } }
        let widths = titles.map { DisplayWidth.of($0) + 2 }
        let separatorWidth = 1
        var first = 0
        func total(from start: Int, through end: Int) -> Int {
            var sum = start > 0 ? 1 : 0
            for index in start...end { sum += widths[index] + (index > start ? separatorWidth : 0) }
            return sum
        }
        let target = min(max(selected, 0), titles.count - 1)
        while first < target, total(from: first, through: target) > width - 1 { first += 1 }
        var result: [Range<Int>?] = Array(repeating: nil, count: titles.count)
        var column = first > 0 ? 1 : 0
        for index in first..<titles.count {
            if index > first { column += separatorWidth }
            let end = column + widths[index]
            if end > width { break }
            result[index] = column..<end
            column = end
        }
        return result
    }

    /// The tab at a column of the area (for mouse clicks), if any.
    public func index(atColumn column: Int, in area: Rect) -> Int? {
        let local = column - area.x
        return spans(width: area.width).firstIndex { $0?.contains(local) ?? false }
    }

    public func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0 else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        frame.buffer.fill(row, style: theme[.normal])
        let spans = spans(width: area.width)
        if spans.first.map({ $0 == nil }) ?? false, spans.contains(where: { $0 != nil }) {
            frame.buffer.write("‹", x: area.x, y: area.y, style: theme[.muted])
        }
        var last = -1
        for (index, span) in spans.enumerated() {
            guard let span else { continue }
            // A separator only between two visible tabs: left of the first one sits `‹`.
            if last >= 0 {
                frame.buffer.write("│", x: area.x + span.lowerBound - 1, y: area.y, style: theme[.border])
            }
            let role: ThemeRole = index == selected ? .tabActive : .tabInactive
            frame.buffer.write(" " + titles[index] + " ", x: area.x + span.lowerBound, y: area.y,
                               maxWidth: span.count, style: theme[role])
            last = index
        }
        if last >= 0, last < titles.count - 1 {
            frame.buffer.write("›", x: area.maxX - 1, y: area.y, style: theme[.muted])
        }
    }
}
