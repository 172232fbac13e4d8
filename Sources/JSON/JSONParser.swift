import Foundation

/// A strict RFC 8259 parser straight from UTF-8 bytes into `JSONValue`. It replaces JSONDecoder for
/// response bodies and import files: decoding an untyped value through Codable tries every type at
/// every node, and that alone cost more CPU per request than the rest of the SCIM client.
///
/// Decisions where the RFC leaves a choice: a duplicate member name keeps the last value (as
/// JavaScript, Python and Foundation read it, so as the server's own tools see the object); nesting
/// deeper than 512 arrays and objects is refused; a lone surrogate escape and bytes that are not
/// UTF-8 are refused, never replaced; a leading UTF-8 byte order mark is skipped.
struct JSONParser {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0
    static let maxDepth = 512

    static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONValue.ParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.index = 3 }
        let value = try parser.value()
        parser.skipBlanks()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private func error(_ reason: String) -> JSONValue.ParseError {
        JSONValue.ParseError(reason: reason, offset: index, in: bytes)
    }

    private mutating func skipBlanks() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws(JSONValue.ParseError) -> JSONValue {
        skipBlanks()
        guard index < bytes.count else { throw error("the JSON ends early") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONValue.ParseError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("the JSON ends early") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw error("unexpected character")
        }
        index += count
    }

    private mutating func enter() throws(JSONValue.ParseError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("JSON nested more than \(Self.maxDepth) levels deep") }
        index += 1
        skipBlanks()
    }

    private mutating func object() throws(JSONValue.ParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var members: [String: JSONValue] = [:]
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipBlanks()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try string()
            skipBlanks()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            members[key] = try value()
            skipBlanks()
            guard index < bytes.count else { throw error("the JSON ends early") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw error("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(JSONValue.ParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipBlanks()
            guard index < bytes.count else { throw error("the JSON ends early") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw error("expected ',' or ']'")
            }
        }
    }

    private mutating func string() throws(JSONValue.ParseError) -> String {
        index += 1
        let start = index
        var highBits: UInt8 = 0
        // Fast path: no escapes, the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = try text(of: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), ascii: highBits < 0x80, at: start)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw error("control character in a string") }
            highBits |= byte
            index += 1
        }
        var unescaped = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let text = unescaped.withUnsafeBytes { buffer in
                    Result { () throws(JSONValue.ParseError) in try self.text(of: buffer, ascii: highBits < 0x80, at: start) }
                }
                index += 1
                return try text.get()
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &unescaped)
            default:
                guard byte >= 0x20 else { throw error("control character in a string") }
                highBits |= byte
                unescaped.append(byte)
                index += 1
            }
        }
        throw error("unterminated string")
    }

    /// The string's bytes as text: a string of ASCII bytes is valid as it is; any other must be UTF-8.
    private func text(of buffer: UnsafeRawBufferPointer, ascii: Bool, at start: Int) throws(JSONValue.ParseError) -> String {
        if ascii { return String(decoding: buffer, as: UTF8.self) }
        guard let text = String(validating: buffer, as: UTF8.self) else {
            throw JSONValue.ParseError(reason: "a string that is not UTF-8", offset: start, in: bytes)
        }
        return text
    }

    /// Reads the escape after a backslash and appends what it stands for, as UTF-8.
    private mutating func escape(into out: inout [UInt8]) throws(JSONValue.ParseError) {
        guard index < bytes.count else { throw error("the JSON ends early") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
                // A surrogate pair: the low half must follow as another \u escape.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error("lone surrogate in a string")
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("lone surrogate in a string") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(code) {
                throw error("lone surrogate in a string")
            }
            guard let scalar = Unicode.Scalar(code) else { throw error("bad \\u escape") }
            UTF8.encode(scalar) { out.append($0) }
        default:
            throw error("bad escape in a string")
        }
    }

    private mutating func hex4() throws(JSONValue.ParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("the JSON ends early") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("bad \\u escape")
            }
            index += 1
            code = code << 4 | UInt32(digit)
        }
        return code
    }

    private mutating func number() throws(JSONValue.ParseError) -> JSONValue {
        let start = index
        let scan: JSONNumberSyntax.Scan
        switch JSONNumberSyntax.scan(bytes, from: start) {
        case .success(let found): scan = found
        case .failure(let failure):
            throw error(failure.reason)
        }
        index = scan.end
        let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<scan.end])
        if scan.isIntegral, let value = Self.smallInteger(literal) { return .int(value) }
        let text = String(decoding: literal, as: UTF8.self)
        if scan.isIntegral {
            // Past 18 digits: Int if it fits, else the literal (a Double would drop digits).
            return Int(text).map(JSONValue.int) ?? .numberLiteral(text)
        }
        guard let value = Double(text), value.isFinite, value != 0 || !Self.hasNonzeroDigit(literal) else {
            // 1e400 would be infinity and 1e-400 zero: keep what the input said.
            return .numberLiteral(text)
        }
        return .double(value)
    }

    /// An integer literal of at most 18 digits, which cannot overflow Int64, computed from its digits.
    private static func smallInteger(_ literal: UnsafeRawBufferPointer) -> Int? {
        let negative = literal[0] == UInt8(ascii: "-")
        let digits = negative ? literal.count - 1 : literal.count
        guard digits <= 18 else { return nil }
        var value = 0
        for byte in literal.dropFirst(negative ? 1 : 0) { value = value * 10 + Int(byte &- UInt8(ascii: "0")) }
        return negative ? -value : value
    }

    /// Whether the significand (before any exponent) has a digit other than zero.
    private static func hasNonzeroDigit(_ literal: UnsafeRawBufferPointer) -> Bool {
        for byte in literal {
            if byte | 0x20 == UInt8(ascii: "e") { return false }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return true }
        }
        return false
    }
}

extension JSONValue {
    /// Parses JSON text; throws `JSONValue.ParseError` (which says where) when it is not JSON.
    public static func parse(_ data: Data) throws(ParseError) -> JSONValue {
        try data.withUnsafeBytes { bytes in Result { () throws(ParseError) in try JSONParser.parse(bytes) } }.get()
    }

    /// Parses JSON text held in a String.
    public static func parse(_ text: String) throws(ParseError) -> JSONValue {
        var text = text
        return try text.withUTF8 { buffer in Result { () throws(ParseError) in try JSONParser.parse(UnsafeRawBufferPointer(buffer)) } }.get()
    }

    /// JSON text with object keys sorted (the same value is always the same bytes); `pretty` indents.
    public func encoded(pretty: Bool = false) -> Data {
        Data(JSONWriter.write(self, pretty: pretty))
    }

    /// Why a text is not JSON, and where: the line and column (1-based) and the byte offset.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        public let line: Int
        public let column: Int
        public let offset: Int

        init(reason: String, offset: Int, in bytes: UnsafeRawBufferPointer) {
            let before = UnsafeRawBufferPointer(rebasing: bytes[0..<min(offset, bytes.count)])
            let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            self.reason = reason
            self.offset = offset
            self.line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            self.column = offset - lineStart + 1
        }

        public var description: String { "\(reason) at line \(line), column \(column) (byte \(offset))" }
    }
}
