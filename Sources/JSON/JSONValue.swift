/// A JSON value as it was read or as it will be written: every SCIM body, every SCIM import file,
/// every logged request and every `--json` output passes through this one type.
///
/// Numbers: an integer that fits `Int` is `.int`, any other number whose value a `Double` holds is
/// `.double`, and a literal that neither holds (an integer past Int64, `1e400`, `1e-400`) is kept as
/// the text the input had in `.numberLiteral`, so reading and writing a value never turns a number
/// into infinity, zero or `null`.
public enum JSONValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// A number neither `Int` nor `Double` holds, as its literal text (always valid JSON number syntax when parsed).
    case numberLiteral(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
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

    /// The number as JSON writes it (`42`, `2.5`, the kept literal); nil when this is not a number.
    public var numberText: String? {
        switch self {
        case .int(let value): return String(value)
        case .double(let value): return JSONWriter.text(of: value)
        case .numberLiteral(let text): return text
        default: return nil
        }
    }

    /// "an object", "a string": for messages that say what came instead.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double, .numberLiteral: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON object: the storage of every SCIM resource.
public typealias JSONObject = [String: JSONValue]

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

/// So a Codable report can hold a JSON value; `JSONValue(encoding:)` takes it as it is. Through another
/// encoder a kept number literal is written as text (Codable has no raw number).
extension JSONValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .numberLiteral(let text): try container.encode(text)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
