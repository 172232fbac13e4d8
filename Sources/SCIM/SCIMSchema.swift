import JSON

/// A schema definition from `/Schemas` (RFC 7643 §7).
public struct SCIMSchema: Sendable, Equatable {
    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    /// The schema URN.
    public var id: String? { attributes.scimValue(forKey: "id")?.stringValue }
    public var name: String? { attributes.scimValue(forKey: "name")?.stringValue }
    public var schemaDescription: String? { attributes.scimValue(forKey: "description")?.stringValue }
    public var schemaAttributes: [Attribute] { Attribute.list(attributes.scimValue(forKey: "attributes")) }

    /// One attribute definition, sub-attributes included.
    public struct Attribute: Sendable, Equatable {
        public var json: JSONObject

        public var name: String? { json.scimValue(forKey: "name")?.stringValue }
        public var type: String? { json.scimValue(forKey: "type")?.stringValue }
        public var multiValued: Bool { json.scimValue(forKey: "multiValued")?.boolValue ?? false }
        public var required: Bool { json.scimValue(forKey: "required")?.boolValue ?? false }
        public var caseExact: Bool { json.scimValue(forKey: "caseExact")?.boolValue ?? false }
        public var mutability: String? { json.scimValue(forKey: "mutability")?.stringValue }
        public var returned: String? { json.scimValue(forKey: "returned")?.stringValue }
        public var uniqueness: String? { json.scimValue(forKey: "uniqueness")?.stringValue }
        public var subAttributes: [Attribute] { Attribute.list(json.scimValue(forKey: "subAttributes")) }

        static func list(_ value: JSONValue?) -> [Attribute] {
            value?.arrayValue?.compactMap { $0.objectValue.map(Attribute.init(json:)) } ?? []
        }
    }
}
