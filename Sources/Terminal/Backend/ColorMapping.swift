/// Maps a `Color` to the colour number curses takes, for what the terminal has:
/// direct colour (24-bit, `COLORS` = 2²⁴, e.g. TERM=xterm-direct), 256, 16 or 8.
/// Kept apart from curses so the fallbacks can be tested without a terminal.
enum ColorMapping {
    static let directColorCount = 0x100_0000

    /// The curses colour number, or -1 for the terminal's default colour.
    static func number(for color: Color?, colorCount: Int) -> Int32 {
        guard let color, color != .default else { return -1 }
        if colorCount >= directColorCount { return directNumber(for: color) }
        if colorCount >= 256 { return Int32(color.paletteIndex ?? -1) }
        if colorCount >= 16, case .ansi(let index) = color { return Int32(index & 15) }
        if colorCount >= 16, let index = color.paletteIndex, index < 16 { return Int32(index) }
        return Int32(color.basicIndex ?? -1)
    }

    /// In direct-colour terminfo, numbers below 8 are still the ANSI colours and
    /// everything else is 0xRRGGBB; so an rgb value below 8 (near black) is nudged to 8.
    static func directNumber(for color: Color) -> Int32 {
        if case .ansi(let index) = color, index < 8 { return Int32(index) }
        let rgb: (Int, Int, Int)
        switch color {
        case .rgb(let r, let g, let b): rgb = (Int(r), Int(g), Int(b))
        default:
            guard let index = color.paletteIndex else { return -1 }
            rgb = Color.rgbOfPaletteIndex(index)
        }
        return Int32(max(8, rgb.0 << 16 | rgb.1 << 8 | rgb.2))
    }
}
