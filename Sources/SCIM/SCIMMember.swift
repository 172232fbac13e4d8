import JSON

/// One member of a Group: the member's id (`value`), and what else the server sent (`display`, `$ref`, `type`).
public struct SCIMMember: Sendable, Equatable {
    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    public init(value: String, display: String? = nil) {
        attributes = ["value": .string(value)]
        if let display { attributes["display"] = .string(display) }
    }

    public var value: String? { attributes.scimValue(forKey: "value")?.stringValue }
    public var display: String? { attributes.scimValue(forKey: "display")?.stringValue }
    public var type: String? { attributes.scimValue(forKey: "type")?.stringValue }
}
