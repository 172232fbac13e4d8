/// Text that came from outside (an app's answer, an imported directory) made safe to write to a
/// terminal: a server message or a login must not retitle the window, move the cursor, clear the
/// screen or write to the clipboard. Removed: C0 controls except tab and newline, DEL, C1 controls
/// (U+0080–U+009F), and whole escape sequences — CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or
/// `ESC \`), the other string sequences (DCS, SOS, PM, APC, up to `ESC \`), and two-character `ESC x`.
/// Lives in SCIM, the lowest pure-Swift target, so the CLI, the console and every layer between can use it.
public enum TerminalSafeText {
    public static func clean(_ text: String) -> String {
        // The common case — nothing to remove — costs one scan and no copy.
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.value == 0x1B {
                index = endOfEscape(scalars, from: index)
                continue
            }
            // C1 CSI and OSC/DCS/… introducers start sequences of their own (8-bit forms).
            if scalar.value == 0x9B {
                index = endOfCSI(scalars, from: index + 1)
                continue
            }
            if [0x90, 0x98, 0x9D, 0x9E, 0x9F].contains(scalar.value) {
                index = endOfString(scalars, from: index + 1)
                continue
            }
            if !isControl(scalar) { output.append(scalar) }
            index += 1
        }
        return String(output)
    }

    /// Anything `clean` would remove or stop at.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x09 || value == 0x0A { return false }
        return value < 0x20 || value == 0x7F || (value >= 0x80 && value <= 0x9F)
    }

    /// The index just after the escape sequence that starts at `start` (an ESC).
    private static func endOfEscape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let next = start + 1
        guard next < scalars.count else { return next }
        switch scalars[next] {
        case "[": return endOfCSI(scalars, from: next + 1)
        case "]", "P", "X", "^", "_": return endOfString(scalars, from: next + 1)
        default:
            // `ESC x`, with any intermediate bytes (0x20–0x2F) before the final one, as in `ESC ( B`.
            var index = next
            while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
            return min(scalars.count, index + 1)
        }
    }

    /// After a CSI introducer: parameter and intermediate bytes, then one final byte (0x40–0x7E).
    /// A sequence cut short by a control ends there, the control removed with it.
    private static func endOfCSI(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let value = scalars[index].value
            if (0x40...0x7E).contains(value) { return index + 1 }
            if !(0x20...0x3F).contains(value) { return value == 0x1B ? index : index + 1 }
            index += 1
        }
        return index
    }

    /// After an OSC, DCS, SOS, PM or APC introducer: everything up to BEL, ST (`ESC \`) or C1 ST (0x9C).
    private static func endOfString(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            let value = scalars[index].value
            if value == 0x07 || value == 0x9C { return index + 1 }
            if value == 0x1B { return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index + 1 }
            index += 1
        }
        return index
    }
}
