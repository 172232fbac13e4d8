/// Writes `JSONValue` as JSON text, compact or indented (two spaces, `"key" : value` as Foundation
/// lays it out, so `--json` output and the Log tab read as they always have), object keys sorted either way: a Swift
/// dictionary's order changes from process to process (seeded hashing), and the same value must be
/// the same bytes in every request and every log (apps that hash or diff bodies, logs compared).
/// Hand-written: JSONEncoder's Codable round trip was a large share of the CPU per SCIM request.
struct JSONWriter {
    private var out: [UInt8] = []
    private let pretty: Bool

    static func write(_ value: JSONValue, pretty: Bool) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.out.reserveCapacity(256)
        writer.write(value, indent: 0)
        return writer.out
    }

    private init(pretty: Bool) {
        self.pretty = pretty
    }

    /// A finite Double as Swift's shortest round-trip text (`2.5`, `1500.0`, `1e-05`): reads back as the same Double.
    static func text(of number: Double) -> String {
        // JSON has no NaN or infinity. The parser never makes one (such literals stay `.numberLiteral`);
        // only code can, and null is the usual stand-in.
        number.isFinite ? "\(number)" : "null"
    }

    private mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .double(let number): out.append(contentsOf: Self.text(of: number).utf8)
        case .numberLiteral(let text):
            // Built by code from text that is not a number: a string rather than invalid JSON.
            if JSONNumberSyntax.isNumber(text) { out.append(contentsOf: text.utf8) } else { JSONString.append(text, to: &out) }
        case .string(let text): JSONString.append(text, to: &out)
        case .array(let elements):
            guard !elements.isEmpty else { return out.append(contentsOf: "[]".utf8) }
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return out.append(contentsOf: "{}".utf8) }
            out.append(UInt8(ascii: "{"))
            for (position, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                JSONString.append(member.key, to: &out)
                out.append(contentsOf: (pretty ? " : " : ":").utf8)
                write(member.value, indent: indent + 1)
            }
            newline(indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ indent: Int) {
        guard pretty else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }
}

extension JSONValue {
    /// JSON text with object keys sorted (the same value is always the same bytes); `pretty` indents by two spaces.
    public func encodedBytes(pretty: Bool = false) -> [UInt8] {
        JSONWriter.write(self, pretty: pretty)
    }

    /// The same as `encodedBytes`, as a String.
    public func encodedText(pretty: Bool = false) -> String {
        String(decoding: JSONWriter.write(self, pretty: pretty), as: UTF8.self)
    }
}
