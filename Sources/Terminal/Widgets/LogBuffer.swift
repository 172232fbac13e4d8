/// The lines of a log pane, the newest last, at most `capacity` of them (the oldest go
/// first), and how far the view is scrolled back from the newest line. At 0 the pane
/// follows new lines; scrolled back, it stays on the lines being read while more arrive.
public struct LogBuffer: Sendable, Equatable {
    public let capacity: Int
    public private(set) var lines: [LogLine] = []
    /// Lines between the bottom of the view and the newest line.
    public private(set) var scrollBack = 0

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { lines.count }
    public var isFollowing: Bool { scrollBack == 0 }

    /// Adds text; each of its lines (split at newlines) becomes a log line.
    public mutating func append(_ text: String, role: ThemeRole? = nil) {
        for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(LogLine(String(part), role: role))
            if scrollBack > 0 { scrollBack += 1 }
        }
        // Trim in chunks so appending stays O(1) amortised instead of shifting every time.
        let slack = max(1, capacity / 4)
        if lines.count > capacity + slack {
            lines.removeFirst(lines.count - capacity)
        }
        scrollBack = min(scrollBack, max(0, visibleLines.count - 1))
    }

    public mutating func clear() {
        lines.removeAll()
        scrollBack = 0
    }

    /// The lines a view may show: the newest `capacity` (older ones wait to be trimmed).
    public var visibleLines: ArraySlice<LogLine> { lines.suffix(capacity) }

    /// ↑↓ (j/k) scroll a line, PgUp/PgDn a page, Home the oldest, End (G) back to
    /// following. Returns false for other keys.
    public mutating func handle(_ key: Key, visibleHeight: Int) -> Bool {
        let page = max(1, visibleHeight - 1)
        switch key {
        case .up, .character("k"): scroll(by: 1, visibleHeight: visibleHeight)
        case .down, .character("j"): scroll(by: -1, visibleHeight: visibleHeight)
        case .pageUp, .control("b"): scroll(by: page, visibleHeight: visibleHeight)
        case .pageDown, .control("f"): scroll(by: -page, visibleHeight: visibleHeight)
        case .home, .character("g"): scroll(by: Int.max / 2, visibleHeight: visibleHeight)
        case .end, .character("G"): scrollBack = 0
        default: return false
        }
        return true
    }

    /// Scrolls back (positive) or forward (negative), never past the oldest line.
    public mutating func scroll(by lineCount: Int, visibleHeight: Int) {
        let limit = max(0, visibleLines.count - max(1, visibleHeight))
        scrollBack = min(max(0, scrollBack + lineCount), limit)
    }
}
