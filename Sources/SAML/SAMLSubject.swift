/// The person an assertion is about: the evaluated Name ID and attribute values.
public struct SAMLSubject: Hashable, Sendable, Codable {
    public var nameID: String
    public var attributes: [SAMLAttribute]

    public init(nameID: String, attributes: [SAMLAttribute] = []) {
        self.nameID = nameID
        self.attributes = attributes
    }

    private enum CodingKeys: String, CodingKey {
        case nameID, attributes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nameID = try container.decode(String.self, forKey: .nameID)
        attributes = try container.decodeIfPresent([SAMLAttribute].self, forKey: .attributes) ?? []
    }
}
