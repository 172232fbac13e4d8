/// How an attribute's name is to be read (Okta's "Name format": Unspecified, URI Reference, Basic).
public struct AttributeNameFormat: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let unspecified = AttributeNameFormat(rawValue: "urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified")
    public static let uri = AttributeNameFormat(rawValue: "urn:oasis:names:tc:SAML:2.0:attrname-format:uri")
    public static let basic = AttributeNameFormat(rawValue: "urn:oasis:names:tc:SAML:2.0:attrname-format:basic")

    /// "unspecified", "uri" or "basic" (case-insensitive), or a full URI.
    public init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "unspecified": self = .unspecified
        case "uri", "uri reference": self = .uri
        case "basic": self = .basic
        default: self = AttributeNameFormat(rawValue: trimmed)
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
