/// A scrolling table: a header line, the rows that fit (only those are drawn, whatever
/// the row count), a `▸` on the selected row, and the `/` filter line when one is set.
/// Without its header it is a plain selectable list (a side menu, search results).
public struct TableView: Sendable {
    public var columns: [TableColumn]
    public var isFocused: Bool
    public var emptyText: String
    public var showsHeader: Bool

    public init(columns: [TableColumn], isFocused: Bool = true, emptyText: String = "Nothing here yet.", showsHeader: Bool = true) {
        self.columns = columns
        self.isFocused = isFocused
        self.emptyText = emptyText
        self.showsHeader = showsHeader
    }

    static let markerWidth = 2

    /// How many body rows fit in `area` with this state (the program uses it for paging).
    public static func bodyHeight(in area: Rect, state: TableState, showsHeader: Bool = true) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0) - (showsFilterLine(state) ? 1 : 0))
    }

    static func showsFilterLine(_ state: TableState) -> Bool {
        state.isEditingFilter || !state.query.isEmpty
    }

    /// The position (in filtered rows) under a mouse click, if it is on a row.
    public static func position(at point: Point, in area: Rect, state: TableState, total: Int, showsHeader: Bool = true) -> Int? {
        let height = bodyHeight(in: area, state: state, showsHeader: showsHeader)
        let count = state.visibleCount(total: total)
        let offset = TableState.effectiveOffset(selected: state.selected, offset: state.offset, height: height, count: count)
        let line = point.y - area.y - (showsHeader ? 1 : 0)
        guard area.contains(point), line >= 0, line < height, offset + line < count else { return nil }
        return offset + line
    }

    public func render(rows: some TableRows, state: TableState, in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, area.width > Self.markerWidth else { return }
        let widths = TableColumn.layout(columns, available: area.width - Self.markerWidth)
        var column = area.x + Self.markerWidth
        for (index, definition) in columns.enumerated() where showsHeader {
            let text = TextLayout.fit(definition.title, width: widths[index], alignment: definition.alignment)
            frame.buffer.write(text, x: column, y: area.y, maxWidth: widths[index], style: theme[.tableHeader])
            column += widths[index] + 1
        }
        let top = area.y + (showsHeader ? 1 : 0)
        let height = Self.bodyHeight(in: area, state: state, showsHeader: showsHeader)
        let count = state.visibleCount(total: rows.count)
        let offset = TableState.effectiveOffset(selected: state.selected, offset: state.offset, height: height, count: count)
        if count == 0, height > 0 {
            let text = state.query.isEmpty ? emptyText : "No rows match “\(state.query)”."
            frame.buffer.write(TextLayout.truncate(text, toWidth: area.width - Self.markerWidth),
                               x: area.x + Self.markerWidth, y: top, style: theme[.muted])
        }
        let last = min(count, offset + height)
        if offset < last {
            for position in offset..<last {
                let y = top + position - offset
                let source = state.row(atPosition: position)
                // Matches from before a reload may point past the rows (see `rowsChanged`).
                guard source < rows.count else { continue }
                let isSelected = position == state.selected
                if isSelected {
                    let lineRect = Rect(x: area.x, y: y, width: area.width, height: 1)
                    frame.buffer.fill(lineRect, style: isFocused ? theme[.normal].patched(with: theme[.selection]) : theme[.normal].adding(.bold))
                    frame.buffer.write("▸", x: area.x, y: y, style: isFocused ? theme[.selection] : theme[.accent])
                }
                var x = area.x + Self.markerWidth
                for (index, definition) in columns.enumerated() {
                    let width = widths[index]
                    if width > 0 {
                        let text = TextLayout.fit(rows.text(row: source, column: index), width: width, alignment: definition.alignment)
                        var style = Style.plain
                        if let role = rows.role(row: source, column: index) {
                            style = theme[role]
                            if isSelected, isFocused { style.background = nil }
                        }
                        frame.buffer.write(text, x: x, y: y, maxWidth: width, style: style)
                    }
                    x += width + 1
                }
            }
        }
        if Self.showsFilterLine(state) {
            let y = area.maxY - 1
            frame.buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.normal])
            let counter = "\(NumberText.grouped(count)) of \(NumberText.grouped(rows.count))"
            let counterWidth = DisplayWidth.of(counter)
            let room = max(0, area.width - counterWidth - 4)
            let used = frame.buffer.write("/" + TextLayout.truncate(state.query, toWidth: room - 1), x: area.x, y: y, maxWidth: room, style: theme[.filter])
            if state.isEditingFilter {
                frame.cursor = Point(x: area.x + used, y: y)
            }
            frame.buffer.write(counter, x: area.maxX - counterWidth, y: y, style: theme[.muted])
        }
    }
}
