/// A table column: its title, how wide it may be, and how its text lines up.
public struct TableColumn: Sendable, Hashable {
    public enum Width: Sendable, Hashable {
        /// Exactly this many columns (fewer only when the screen is too narrow).
        case fixed(Int)
        /// At least `min` columns, then a share of what is left by `weight`.
        case flexible(min: Int, weight: Int)
    }

    public var title: String
    public var width: Width
    public var alignment: TextLayout.Alignment

    public init(_ title: String, width: Width, alignment: TextLayout.Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    /// Column widths for `available` columns with `gap` between columns: fixed columns
    /// first, then minimums, then the rest shared by weight. Narrow screens shrink the
    /// rightmost columns first.
    public static func layout(_ columns: [TableColumn], available: Int, gap: Int = 1) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let room = max(0, available - gap * (columns.count - 1))
        var widths = columns.map { column -> Int in
            switch column.width {
            case .fixed(let width): return max(0, width)
            case .flexible(let minimum, _): return max(0, minimum)
            }
        }
        var excess = widths.reduce(0, +) - room
        var index = columns.count - 1
        while excess > 0, index >= 0 {
            let cut = min(excess, widths[index])
            widths[index] -= cut
            excess -= cut
            index -= 1
        }
        let spare = -excess
        if spare > 0 {
            let weights = columns.map { column -> Int in
                if case .flexible(_, let weight) = column.width { return max(0, weight) }
                return 0
            }
            let totalWeight = weights.reduce(0, +)
            if totalWeight > 0 {
                var given = 0
                var lastFlexible = 0
                for (position, weight) in weights.enumerated() where weight > 0 {
                    let share = spare * weight / totalWeight
                    widths[position] += share
                    given += share
                    lastFlexible = position
                }
                widths[lastFlexible] += spare - given
            }
        }
        return widths
    }
}
