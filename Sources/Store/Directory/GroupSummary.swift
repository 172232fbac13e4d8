/// A group with its member count, as `directory list groups` shows it.
public struct GroupSummary: Sendable, Hashable, Encodable {
    public var group: DirectoryGroup
    public var memberCount: Int

    enum CodingKeys: String, CodingKey { case id, name, description, source, externalKey, memberCount }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(group.id, forKey: .id)
        try container.encode(group.name, forKey: .name)
        try container.encode(group.description, forKey: .description)
        try container.encode(group.source, forKey: .source)
        try container.encodeIfPresent(group.externalKey, forKey: .externalKey)
        try container.encode(memberCount, forKey: .memberCount)
    }
}
