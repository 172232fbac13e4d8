import Foundation

/// A JSON value as the server sent it. SCIM resources keep their whole object in this form so that
/// attributes scimdeck does not model survive a GET → PUT round trip untouched.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        // Some providers send booleans as strings ("True", "false").
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value): return value.rounded() == value && abs(value) < 9e15 ? Int(value) : nil
        // Some providers send numbers as strings ("totalResults": "3", "status": "404").
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// Member of an object, matched exactly first and then ignoring case (SCIM attribute names are case-insensitive).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object.scimValue(forKey: key)
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// Parses a body; throws `JSONValue.ParseError` when it is not JSON.
    public static func parse(_ data: Data) throws -> JSONValue {
        try data.withUnsafeBytes { bytes throws(ParseError) in try JSONParser.parse(bytes) }
    }

    /// JSON text with object keys sorted (the same value is always the same bytes); `pretty` indents.
    public func encoded(pretty: Bool = false) -> Data {
        Data(JSONWriter.write(self, pretty: pretty))
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }
}

/// A JSON object: the storage of every SCIM resource.
public typealias JSONObject = [String: JSONValue]

extension Dictionary where Key == String, Value == JSONValue {
    /// The key actually used for `name`: exact match first, then case-insensitive.
    public func scimKey(for name: String) -> String? {
        if self[name] != nil { return name }
        return keys.first { Self.equalIgnoringASCIICase($0, name) }
    }

    /// Attribute names are ASCII (RFC 7643 §2.1): comparing bytes avoids Foundation's locale-aware compare on every lookup.
    static func equalIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return zip(lhs.utf8, rhs.utf8).allSatisfy { left, right in
            left == right || (left | 0x20 == right | 0x20 && (left | 0x20) >= UInt8(ascii: "a") && (left | 0x20) <= UInt8(ascii: "z"))
        }
    }

    public func scimValue(forKey name: String) -> JSONValue? {
        scimKey(for: name).flatMap { self[$0] }
    }

    /// Sets `name`, reusing the server's spelling of the key when it has one; nil removes it.
    public mutating func setSCIMValue(_ value: JSONValue?, forKey name: String) {
        let key = scimKey(for: name) ?? name
        self[key] = value
    }
}
