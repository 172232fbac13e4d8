import JSON

/// The enterprise User extension (RFC 7643 §4.3); unknown sub-attributes are kept.
public struct SCIMEnterpriseUser: Sendable, Equatable {
    public var attributes: JSONObject

    public init(attributes: JSONObject = [:]) {
        self.attributes = attributes
    }

    public var employeeNumber: String? {
        get { string("employeeNumber") }
        set { set("employeeNumber", newValue) }
    }

    public var costCenter: String? {
        get { string("costCenter") }
        set { set("costCenter", newValue) }
    }

    public var organization: String? {
        get { string("organization") }
        set { set("organization", newValue) }
    }

    public var division: String? {
        get { string("division") }
        set { set("division", newValue) }
    }

    public var department: String? {
        get { string("department") }
        set { set("department", newValue) }
    }

    /// The manager's SCIM id (`manager.value`).
    public var managerId: String? {
        get { attributes.scimValue(forKey: "manager")?["value"]?.stringValue }
        set {
            var manager = attributes.scimValue(forKey: "manager")?.objectValue ?? [:]
            manager.setSCIMValue(newValue.map(JSONValue.string), forKey: "value")
            attributes.setSCIMValue(newValue == nil && manager.isEmpty ? nil : .object(manager), forKey: "manager")
        }
    }

    private func string(_ key: String) -> String? {
        attributes.scimValue(forKey: key)?.stringValue
    }

    private mutating func set(_ key: String, _ value: String?) {
        attributes.setSCIMValue(value.map(JSONValue.string), forKey: key)
    }
}
