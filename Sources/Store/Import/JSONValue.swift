/// A parsed JSON value, for reading SCIM resources whose shape varies from app to app.
enum JSONValue: Decodable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case object([String: JSONValue])
    case array([JSONValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    subscript(key: String) -> JSONValue? {
        if case let .object(object) = self { return object[key] }
        return nil
    }

    var object: [String: JSONValue]? {
        if case let .object(object) = self { return object }
        return nil
    }

    var array: [JSONValue]? {
        if case let .array(array) = self { return array }
        return nil
    }

    var bool: Bool? {
        if case let .bool(bool) = self { return bool }
        return nil
    }

    /// A string, number or boolean as text; nil for objects, arrays and null.
    var text: String? {
        switch self {
        case let .string(text): return text
        case let .bool(bool): return bool ? "true" : "false"
        case let .number(number):
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        default: return nil
        }
    }
}
