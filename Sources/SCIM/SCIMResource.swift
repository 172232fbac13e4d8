import JSON

/// A SCIM resource kept as the JSON object the server sent, with typed accessors on top.
/// Attributes without an accessor are carried untouched, so a GET → change → PUT loses nothing.
public protocol SCIMResource: Sendable, Equatable {
    /// The endpoint under the base URL: `Users`, `Groups`.
    static var endpoint: String { get }
    static var coreSchema: String { get }
    var attributes: JSONObject { get set }
    init(attributes: JSONObject)
}

extension SCIMResource {
    public var id: String? {
        get { attributes.scimValue(forKey: "id")?.stringValue }
        set { attributes.setSCIMValue(newValue.map(JSONValue.string), forKey: "id") }
    }

    public var externalId: String? {
        get { attributes.scimValue(forKey: "externalId")?.stringValue }
        set { attributes.setSCIMValue(newValue.map(JSONValue.string), forKey: "externalId") }
    }

    public var schemas: [String] {
        get { attributes.scimValue(forKey: "schemas")?.arrayValue?.compactMap(\.stringValue) ?? [] }
        set { attributes.setSCIMValue(.array(newValue.map(JSONValue.string)), forKey: "schemas") }
    }

    public var meta: SCIMMeta? { SCIMMeta(json: attributes.scimValue(forKey: "meta")) }

    /// Any attribute by name (case-insensitive), typed or not.
    public subscript(attribute name: String) -> JSONValue? {
        get { attributes.scimValue(forKey: name) }
        set { attributes.setSCIMValue(newValue, forKey: name) }
    }

    /// The JSON to send on POST or PUT: what the server owns (`meta`) is left out, everything else kept.
    var requestBody: JSONObject {
        var body = attributes
        body.setSCIMValue(nil, forKey: "meta")
        if schemas.isEmpty { body["schemas"] = .array([.string(Self.coreSchema)]) }
        return body
    }
}
