/// How many terminal columns text takes. A code point is as wide as glibc's wcwidth(3) says, which
/// is what ncurses places it by (the table is generated from glibc's Unicode data, no C call at run
/// time): East Asian Wide and Fullwidth characters and emoji take 2; combining marks, format and
/// control characters and code points glibc does not count printable take 0; everything else 1.
/// Widths are per grapheme cluster (a Swift `Character`), which is what a cell holds.
public enum DisplayWidth {
    /// The width of one Unicode scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        // Latin-1 and Latin Extended (most names) without the search: C1 controls 0, the rest 1.
        if value < 0x300 { return value >= 0xA0 ? 1 : 0 }
        return tableWidth(value)
    }

    /// The width of one grapheme cluster, as a terminal lays it out.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(first)
        if base == 0 {
            // A cluster that starts with a mark or a joiner: nothing to space over.
            return scalars.contains(where: { of($0) > 0 }) ? 1 : 0
        }
        if base == 1, scalars.count > 1 {
            if isRegionalIndicator(first) { return 2 }
            if scalars.contains("\u{FE0F}") { return 2 }
        }
        return base
    }

    /// The width of a string: the sum of its grapheme clusters' widths.
    public static func of(_ text: String) -> Int {
        var asciiWidth = 0
        var isPrintableASCII = true
        for byte in text.utf8 {
            if byte >= 0x20 && byte < 0x7F {
                asciiWidth += 1
            } else {
                isPrintableASCII = false
                break
            }
        }
        if isPrintableASCII { return asciiWidth }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// The width glibc's wcwidth gives the code point, 0 where it says -1: a binary search of the
    /// generated `table`'s runs (see scripts/generate-display-width.py).
    static func tableWidth(_ value: UInt32) -> Int {
        var low = 0
        var high = table.count / 3 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[middle * 3] {
                high = middle - 1
            } else if value > table[middle * 3 + 1] {
                low = middle + 1
            } else {
                return Int(table[middle * 3 + 2])
            }
        }
        return 1
    }
}
