import JSON

/// A Group (RFC 7643 §4.2).
public struct SCIMGroup: SCIMResource {
    public static let endpoint = "Groups"
    public static let coreSchema = SCIMSchemaURN.group

    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    /// A new group as Okta's client sends it: `members: []`.
    public init(displayName: String, members: [SCIMMember] = []) {
        attributes = ["schemas": [.string(SCIMSchemaURN.group)], "displayName": .string(displayName)]
        self.members = members
        attributes["members"] = .array(members.map { .object($0.attributes) })
    }

    public var displayName: String? {
        get { self[attribute: "displayName"]?.stringValue }
        set { self[attribute: "displayName"] = newValue.map(JSONValue.string) }
    }

    /// Members; an absent list and `members: null` both read as empty.
    public var members: [SCIMMember] {
        get { self[attribute: "members"]?.arrayValue?.compactMap { $0.objectValue.map(SCIMMember.init(attributes:)) } ?? [] }
        set { self[attribute: "members"] = .array(newValue.map { .object($0.attributes) }) }
    }
}
