import JSON

/// One entry of a multi-valued attribute (`emails`, `phoneNumbers`): value, type, primary, and whatever else the server sent.
public struct SCIMMultiValue: Sendable, Equatable {
    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    public init(value: String, type: String? = nil, primary: Bool = false) {
        attributes = ["value": .string(value)]
        if let type { attributes["type"] = .string(type) }
        if primary { attributes["primary"] = .bool(true) }
    }

    public var value: String? { attributes.scimValue(forKey: "value")?.stringValue }
    public var type: String? { attributes.scimValue(forKey: "type")?.stringValue }
    public var primary: Bool { attributes.scimValue(forKey: "primary")?.boolValue ?? false }

    static func list(_ json: JSONValue?) -> [SCIMMultiValue] {
        json?.arrayValue?.compactMap { $0.objectValue.map(SCIMMultiValue.init(attributes:)) } ?? []
    }
}
