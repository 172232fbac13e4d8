/// Selection, scroll position and `/` filter of a table. Positions count the rows that
/// pass the filter; `row(atPosition:)` maps back to the source row.
public struct TableState: Sendable, Equatable {
    public var selected: Int = 0
    public var offset: Int = 0
    public private(set) var query: String = ""
    public var isEditingFilter = false
    /// Source rows that pass the filter, or nil when there is no filter.
    public private(set) var matches: [Int]?

    public init() {}

    public func visibleCount(total: Int) -> Int { matches?.count ?? total }

    public func row(atPosition position: Int) -> Int {
        matches.map { $0[position] } ?? position
    }

    /// The selected source row, if the (filtered) table has any row.
    public func selectedRow(total: Int) -> Int? {
        let count = visibleCount(total: total)
        guard count > 0 else { return nil }
        return row(atPosition: min(max(0, selected), count - 1))
    }

    /// Sets the filter and re-selects the first match. Growing a query only searches
    /// the rows that matched before.
    public mutating func setQuery(_ text: String, rows: some TableRows) {
        let narrowing = !query.isEmpty && text.lowercased().hasPrefix(query.lowercased())
        query = text
        if text.isEmpty {
            matches = nil
        } else {
            matches = TableFilter.matches(rows, query: text, within: narrowing ? matches : nil)
        }
        selected = 0
        offset = 0
    }

    /// Re-applies the filter to rows that changed (a reload, a live update) and keeps the
    /// selection in range. Without it the matches would point at the old rows.
    public mutating func rowsChanged(_ rows: some TableRows, visibleHeight: Int) {
        if !query.isEmpty { matches = TableFilter.matches(rows, query: query) }
        select(selected, total: rows.count, visibleHeight: visibleHeight)
    }

    /// Moves the selection, keeping it on screen in a body `visibleHeight` rows tall.
    public mutating func move(by delta: Int, total: Int, visibleHeight: Int) {
        select(selected + delta, total: total, visibleHeight: visibleHeight)
    }

    public mutating func select(_ position: Int, total: Int, visibleHeight: Int) {
        let count = visibleCount(total: total)
        selected = count == 0 ? 0 : min(max(0, position), count - 1)
        offset = Self.effectiveOffset(selected: selected, offset: offset, height: visibleHeight, count: count)
    }

    /// The first row to draw so `selected` shows in a body `height` rows tall.
    public static func effectiveOffset(selected: Int, offset: Int, height: Int, count: Int) -> Int {
        guard height > 0, count > 0 else { return 0 }
        var result = offset
        if selected < result { result = selected }
        if selected >= result + height { result = selected - height + 1 }
        return max(0, min(result, count - height))
    }

    /// Handles navigation and filter keys; returns false for keys it does not use.
    public mutating func handle(_ key: Key, rows: some TableRows, visibleHeight: Int) -> Bool {
        let total = rows.count
        if isEditingFilter {
            switch key {
            case .character(let character):
                setQuery(query + String(character), rows: rows)
            case .backspace:
                setQuery(String(query.dropLast()), rows: rows)
            case .control("u"):
                setQuery("", rows: rows)
            case .enter, .down, .tab:
                isEditingFilter = false
            case .escape:
                isEditingFilter = false
                setQuery("", rows: rows)
            default:
                return false
            }
            return true
        }
        let page = max(1, visibleHeight - 1)
        switch key {
        case .up, .character("k"): move(by: -1, total: total, visibleHeight: visibleHeight)
        case .down, .character("j"): move(by: 1, total: total, visibleHeight: visibleHeight)
        case .pageUp, .control("b"): move(by: -page, total: total, visibleHeight: visibleHeight)
        case .pageDown, .control("f"), .character(" "): move(by: page, total: total, visibleHeight: visibleHeight)
        case .home, .character("g"): select(0, total: total, visibleHeight: visibleHeight)
        case .end, .character("G"): select(Int.max - 1, total: total, visibleHeight: visibleHeight)
        case .character("/"): isEditingFilter = true
        case .escape where !query.isEmpty: setQuery("", rows: rows)
        default: return false
        }
        return true
    }
}
