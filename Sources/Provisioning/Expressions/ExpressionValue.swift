/// What a mapping expression evaluates to. Okta's language is loosely typed: strings,
/// numbers, booleans and null, with `+` concatenating as soon as one side is a string.
public enum ExpressionValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case string(String)
    case number(Double)
    case bool(Bool)

    /// The text a SCIM attribute receives; null stays null.
    public var text: String? {
        switch self {
        case .null: return nil
        case .string(let value): return value
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): return value ? "true" : "false"
        }
    }

    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .string(let value): return !value.isEmpty
        case .number(let value): return value != 0
        }
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case .string(let value): return "\"\(value)\""
        default: return text ?? "null"
        }
    }
}
