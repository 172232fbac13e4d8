import JSON

/// A User (RFC 7643 §4.1) with the enterprise extension (§4.3).
public struct SCIMUser: SCIMResource {
    public static let endpoint = "Users"
    public static let coreSchema = SCIMSchemaURN.user

    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    public init(userName: String, active: Bool = true) {
        attributes = ["schemas": [.string(SCIMSchemaURN.user)], "userName": .string(userName), "active": .bool(active)]
    }

    public var userName: String? {
        get { self[attribute: "userName"]?.stringValue }
        set { self[attribute: "userName"] = newValue.map(JSONValue.string) }
    }

    public var displayName: String? {
        get { self[attribute: "displayName"]?.stringValue }
        set { self[attribute: "displayName"] = newValue.map(JSONValue.string) }
    }

    /// Absent means active (RFC 7643 leaves it to the provider; every provider we know defaults to true).
    public var active: Bool {
        get { self[attribute: "active"]?.boolValue ?? true }
        set { self[attribute: "active"] = .bool(newValue) }
    }

    public var name: SCIMName? {
        get { self[attribute: "name"]?.objectValue.map(SCIMName.init(attributes:)) }
        set { self[attribute: "name"] = newValue.map { .object($0.attributes) } }
    }

    public var emails: [SCIMMultiValue] {
        get { SCIMMultiValue.list(self[attribute: "emails"]) }
        set { self[attribute: "emails"] = newValue.isEmpty ? nil : .array(newValue.map { .object($0.attributes) }) }
    }

    public var primaryEmail: String? {
        let all = emails
        return (all.first { $0.primary } ?? all.first)?.value
    }

    /// The enterprise extension; setting it also lists its URN in `schemas`.
    public var enterprise: SCIMEnterpriseUser? {
        get { self[attribute: SCIMSchemaURN.enterpriseUser]?.objectValue.map(SCIMEnterpriseUser.init(attributes:)) }
        set {
            self[attribute: SCIMSchemaURN.enterpriseUser] = newValue.map { .object($0.attributes) }
            var listed = schemas.filter { $0 != SCIMSchemaURN.enterpriseUser }
            if listed.isEmpty { listed = [SCIMSchemaURN.user] }
            if newValue != nil { listed.append(SCIMSchemaURN.enterpriseUser) }
            schemas = listed
        }
    }
}
