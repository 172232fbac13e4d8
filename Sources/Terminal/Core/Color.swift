/// A colour a cell can be drawn in. The backend maps it to what the terminal has:
/// 256 colours, 16 or 8, or none at all.
public enum Color: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An index into the xterm 256-colour palette.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let black = Color.ansi(0)
    public static let red = Color.ansi(1)
    public static let green = Color.ansi(2)
    public static let yellow = Color.ansi(3)
    public static let blue = Color.ansi(4)
    public static let magenta = Color.ansi(5)
    public static let cyan = Color.ansi(6)
    public static let white = Color.ansi(7)

    /// The nearest xterm 256-palette index (for rgb), or the index itself.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .ansi(let index): return Int(index & 15)
        case .indexed(let index): return Int(index)
        case .rgb(let r, let g, let b): return Self.nearestPaletteIndex(r: Int(r), g: Int(g), b: Int(b))
        }
    }

    /// The nearest of the 8 basic colours, for terminals with no more.
    public var basicIndex: Int? {
        guard let index = paletteIndex else { return nil }
        if index < 16 { return index & 7 }
        let (r, g, b) = Self.rgbOfPaletteIndex(index)
        let bright = (r + g + b) / 3 > 96
        var result = 0
        if r > 96 { result |= 1 }
        if g > 96 { result |= 2 }
        if b > 96 { result |= 4 }
        if result == 0, bright { result = 7 }
        return result
    }

    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    static func nearestPaletteIndex(r: Int, g: Int, b: Int) -> Int {
        func cubeStep(_ value: Int) -> Int {
            var best = 0
            for (index, level) in cubeLevels.enumerated() where abs(level - value) < abs(cubeLevels[best] - value) {
                best = index
            }
            return best
        }
        let (cr, cg, cb) = (cubeStep(r), cubeStep(g), cubeStep(b))
        let cubeIndex = 16 + 36 * cr + 6 * cg + cb
        let cubeDistance = distance((r, g, b), (cubeLevels[cr], cubeLevels[cg], cubeLevels[cb]))
        let average = (r + g + b) / 3
        let grayStep = max(0, min(23, (average - 8 + 5) / 10))
        let grayLevel = 8 + 10 * grayStep
        let grayDistance = distance((r, g, b), (grayLevel, grayLevel, grayLevel))
        return grayDistance < cubeDistance ? 232 + grayStep : cubeIndex
    }

    static func rgbOfPaletteIndex(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case 16..<232:
            let value = index - 16
            return (cubeLevels[value / 36], cubeLevels[(value / 6) % 6], cubeLevels[value % 6])
        case 232..<256:
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        default:
            let bright = index >= 8 ? 255 : 170
            let base = index & 7
            return (base & 1 != 0 ? bright : 0, base & 2 != 0 ? bright : 0, base & 4 != 0 ? bright : 0)
        }
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }
}
