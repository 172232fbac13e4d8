import JSON

/// The complex `name` attribute of a User; sub-attributes without an accessor are kept.
public struct SCIMName: Sendable, Equatable {
    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    public init(givenName: String? = nil, familyName: String? = nil, formatted: String? = nil) {
        attributes = [:]
        self.givenName = givenName
        self.familyName = familyName
        self.formatted = formatted
    }

    public var givenName: String? {
        get { attributes.scimValue(forKey: "givenName")?.stringValue }
        set { attributes.setSCIMValue(newValue.map(JSONValue.string), forKey: "givenName") }
    }

    public var familyName: String? {
        get { attributes.scimValue(forKey: "familyName")?.stringValue }
        set { attributes.setSCIMValue(newValue.map(JSONValue.string), forKey: "familyName") }
    }

    public var formatted: String? {
        get { attributes.scimValue(forKey: "formatted")?.stringValue }
        set { attributes.setSCIMValue(newValue.map(JSONValue.string), forKey: "formatted") }
    }
}
