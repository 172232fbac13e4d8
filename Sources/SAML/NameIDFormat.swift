/// A SAML Name ID format, kept as its URI; short names ("emailAddress", "unspecified", …) are accepted when decoding.
public struct NameIDFormat: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let unspecified = NameIDFormat(rawValue: "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified")
    public static let emailAddress = NameIDFormat(rawValue: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
    public static let x509SubjectName = NameIDFormat(rawValue: "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName")
    public static let persistent = NameIDFormat(rawValue: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent")
    public static let transient = NameIDFormat(rawValue: "urn:oasis:names:tc:SAML:2.0:nameid-format:transient")

    /// The formats an IdP announces in its metadata by default.
    public static let all: [NameIDFormat] = [.unspecified, .emailAddress, .x509SubjectName, .persistent, .transient]

    /// A short name (case-insensitive) or a full URI.
    public init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let short = NameIDFormat.all.first { $0.shortName.lowercased() == trimmed.lowercased() }
        self = short ?? NameIDFormat(rawValue: trimmed)
    }

    /// The last part of the URI ("emailAddress").
    public var shortName: String {
        rawValue.split(separator: ":").last.map(String.init) ?? rawValue
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
