/// One configured attribute statement of the Sign On tab (Okta's "Attribute Statements": Name, Name format,
/// Value). The value is an expression in the mapping language, evaluated per person by the layer that owns
/// that language (Provisioning), so this target stays below it.
public struct AttributeStatement: Hashable, Sendable, Codable {
    public var name: String
    public var nameFormat: AttributeNameFormat
    /// An expression such as `user.email`; it may give several values (a group list).
    public var expression: String

    public init(name: String, nameFormat: AttributeNameFormat = .unspecified, expression: String) {
        self.name = name
        self.nameFormat = nameFormat
        self.expression = expression
    }

    private enum CodingKeys: String, CodingKey {
        case name, nameFormat, expression
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        nameFormat = try container.decodeIfPresent(AttributeNameFormat.self, forKey: .nameFormat) ?? .unspecified
        expression = try container.decodeIfPresent(String.self, forKey: .expression) ?? ""
    }
}
