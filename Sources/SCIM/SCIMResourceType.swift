import JSON

/// A resource type from `/ResourceTypes` (RFC 7643 §6).
public struct SCIMResourceType: Sendable, Equatable {
    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    public var id: String? { attributes.scimValue(forKey: "id")?.stringValue }
    public var name: String? { attributes.scimValue(forKey: "name")?.stringValue }
    /// The endpoint, as announced (`/Users`).
    public var endpoint: String? { attributes.scimValue(forKey: "endpoint")?.stringValue }
    public var schema: String? { attributes.scimValue(forKey: "schema")?.stringValue }

    public var schemaExtensions: [(schema: String, required: Bool)] {
        attributes.scimValue(forKey: "schemaExtensions")?.arrayValue?.compactMap { entry in
            guard let schema = entry["schema"]?.stringValue else { return nil }
            return (schema, entry["required"]?.boolValue ?? false)
        } ?? []
    }

    public static func == (lhs: SCIMResourceType, rhs: SCIMResourceType) -> Bool {
        lhs.attributes == rhs.attributes
    }
}
