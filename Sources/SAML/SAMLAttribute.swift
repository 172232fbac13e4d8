/// One attribute statement with its values already evaluated for a person.
public struct SAMLAttribute: Hashable, Sendable, Codable {
    public var name: String
    public var nameFormat: AttributeNameFormat
    public var values: [String]

    public init(name: String, nameFormat: AttributeNameFormat = .unspecified, values: [String]) {
        self.name = name
        self.nameFormat = nameFormat
        self.values = values
    }

    private enum CodingKeys: String, CodingKey {
        case name, nameFormat, values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        nameFormat = try container.decodeIfPresent(AttributeNameFormat.self, forKey: .nameFormat) ?? .unspecified
        values = try container.decodeIfPresent([String].self, forKey: .values) ?? []
    }
}
