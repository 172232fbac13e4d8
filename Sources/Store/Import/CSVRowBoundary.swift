/// Where a row of a CSV file ends, so that the file can be cut in pieces that CSV.swift reads on
/// separate cores (its reader goes scalar by scalar: a third of a 100,000-person import).
///
/// This only tells rows apart, by CSV.swift's own quoting rules; the fields are still CSV.swift's.
/// A quote opens a quoted field only at the start of a field; inside one, a quote followed by a
/// line break or a comma ends the field, `""` is a quote, and a quote followed by anything else is
/// kept without ending the field. Outside quotes CR, LF and CRLF end a row. Every byte looked at is
/// ASCII, which never occurs inside a multi-byte UTF-8 sequence, so bytes can stand for scalars.
enum CSVRowBoundary {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// The offset where the first row that starts at or after `offset` begins, or nil when no row
    /// starts there (the file ends inside that row).
    static func rowStart(atOrAfter offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var atFieldStart = true
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if atFieldStart, byte == quote {
                atFieldStart = false
                quoted = true
                continue
            }
            atFieldStart = false
            let lineBreak: UInt8
            if quoted {
                guard byte == quote, index < bytes.count else { continue }
                let next = bytes[index]
                index += 1
                if next == comma {
                    quoted = false
                    atFieldStart = true
                    continue
                }
                // Otherwise `""`, or a stray quote kept with what follows: still quoted.
                guard next == cr || next == lf else { continue }
                quoted = false
                lineBreak = next
            } else {
                if byte == comma {
                    atFieldStart = true
                    continue
                }
                guard byte == cr || byte == lf else { continue }
                lineBreak = byte
            }
            if lineBreak == cr, index < bytes.count, bytes[index] == lf { index += 1 }
            atFieldStart = true
            if index >= offset { return index < bytes.count ? index : nil }
        }
        return nil
    }

    /// Line breaks in `bytes`, counting CRLF once: the line a piece starts on is one more.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var previousWasCR = false
        for byte in bytes {
            if byte == lf {
                if !previousWasCR { count += 1 }
                previousWasCR = false
            } else {
                previousWasCR = byte == cr
                if previousWasCR { count += 1 }
            }
        }
        return count
    }
}
