/// `████████▌░░░░  812 / 1,204` — the bar fills in eighths of a cell.
public struct ProgressBar: Sendable {
    public var done: Int
    public var total: Int
    public var showsCount: Bool

    public init(done: Int, total: Int, showsCount: Bool = true) {
        self.done = done
        self.total = total
        self.showsCount = showsCount
    }

    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public var fraction: Double {
        total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
    }

    public func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, area.width > 0 else { return }
        let count = showsCount ? "  \(NumberText.grouped(done)) / \(NumberText.grouped(total))" : ""
        let barWidth = max(0, area.width - DisplayWidth.of(count))
        let filledEighths = Int((fraction * Double(barWidth * 8)).rounded(.down))
        let full = filledEighths / 8
        let partial = filledEighths % 8
        var done = String(repeating: "█", count: full)
        if partial > 0, full < barWidth { done.append(Self.eighths[partial - 1]) }
        let doneWidth = DisplayWidth.of(done)
        frame.buffer.write(done, x: area.x, y: area.y, style: theme[.progressDone])
        frame.buffer.write(String(repeating: "░", count: max(0, barWidth - doneWidth)), x: area.x + doneWidth, y: area.y, style: theme[.progressTodo])
        frame.buffer.write(count, x: area.x + barWidth, y: area.y, maxWidth: area.maxX - area.x - barWidth, style: theme[.normal])
    }
}
