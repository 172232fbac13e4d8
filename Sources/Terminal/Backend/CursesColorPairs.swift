@preconcurrency import CNCursesW

/// Allocates curses colour pairs on first use for each foreground/background pair,
/// mapping colours to what the terminal has (direct, 256, 16 or 8; none when colour is off).
struct CursesColorPairs {
    private var pairs: [Key: Int32] = [:]
    private var next: Int32 = 1
    let colorCount: Int
    let pairLimit: Int32
    let enabled: Bool

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(enabled: Bool) {
        self.enabled = enabled
        colorCount = enabled ? Int(cncurses_colors()) : 0
        pairLimit = enabled ? min(Int32(cncurses_color_pairs()), 32767) : 0
    }

    /// The curses colour number for a colour, -1 for the terminal default.
    func number(for color: Color?) -> Int32 {
        ColorMapping.number(for: color, colorCount: colorCount)
    }

    mutating func pair(for style: Style) -> Int32 {
        guard enabled else { return 0 }
        let key = Key(foreground: number(for: style.foreground), background: number(for: style.background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard next < pairLimit else { return 0 }
        let pair = next
        next += 1
        _ = cncurses_init_pair(pair, key.foreground, key.background)
        pairs[key] = pair
        return pair
    }
}
