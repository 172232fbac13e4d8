// SCIM resources are JSON objects: whatever speaks SCIM speaks `JSONValue`, so importing SCIM brings it.
import JSON

/// How SCIM reads a JSON value: attribute names case-insensitively (RFC 7643 §2.1), and the numbers and
/// booleans some providers send as strings.
extension JSONValue {
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

    /// Member of an object, matched exactly first and then ignoring case (SCIM attribute names are case-insensitive).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object.scimValue(forKey: key)
    }
}

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
