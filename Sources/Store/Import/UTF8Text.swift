import Foundation

/// An import file's bytes as text: UTF-8, a leading BOM dropped; otherwise `ImportError.notUTF8`
/// with the first line that does not decode.
enum UTF8Text {
    static func decode(_ data: Data) throws -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw ImportError.notUTF8(line: firstInvalidLine(bytes))
    }

    /// The 1-based line holding the first byte sequence that is not UTF-8.
    static func firstInvalidLine(_ bytes: Data.SubSequence) -> Int {
        var line = 1
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = bytes.index(after: index)
        }
        return line
    }
}
