/// The number grammar of RFC 8259 §6 (`-? int frac? exp?`), shared by the parser, which reads a
/// number with it, and the writer, which checks a kept literal with it before writing it bare.
enum JSONNumberSyntax {
    struct Scan {
        /// The index just past the number.
        var end: Int
        /// No fraction and no exponent: a candidate for `Int`.
        var isIntegral: Bool
    }

    enum Failure: Error {
        case noDigits, leadingZero, noFractionDigits, noExponentDigits

        var reason: String {
            switch self {
            case .noDigits: return "unexpected character"
            case .leadingZero: return "leading zero in a number"
            case .noFractionDigits: return "digits expected after '.'"
            case .noExponentDigits: return "digits expected in the exponent"
            }
        }
    }

    static func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Result<Scan, Failure> {
        var index = start
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        index = digitsEnd(bytes, from: index)
        guard index > digitsStart else { return .failure(.noDigits) }
        guard !(bytes[digitsStart] == UInt8(ascii: "0") && index - digitsStart > 1) else { return .failure(.leadingZero) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            let fraction = index + 1
            index = digitsEnd(bytes, from: fraction)
            guard index > fraction else { return .failure(.noFractionDigits) }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponent = index
            index = digitsEnd(bytes, from: index)
            guard index > exponent else { return .failure(.noExponentDigits) }
        }
        return .success(Scan(end: index, isIntegral: integral))
    }

    /// True when the whole of `text` is one JSON number.
    static func isNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            let bytes = UnsafeRawBufferPointer(buffer)
            guard case .success(let scan) = scan(bytes, from: 0) else { return false }
            return scan.end == bytes.count
        }
    }

    private static func digitsEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index
    }
}
