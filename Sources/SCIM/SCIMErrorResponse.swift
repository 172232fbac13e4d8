import JSON

/// An Error response body (RFC 7644 §3.12).
public struct SCIMErrorResponse: Sendable, Equatable {
    public var status: Int?
    /// `uniqueness`, `invalidFilter`, `mutability`, …
    public var scimType: String?
    public var detail: String?

    public init(status: Int? = nil, scimType: String? = nil, detail: String? = nil) {
        self.status = status
        self.scimType = scimType
        self.detail = detail
    }

    /// Reads an Error body; nil when the JSON has neither the Error schema nor a detail or scimType.
    init?(json: JSONValue) {
        guard case .object(let object) = json else { return nil }
        let listed = object.scimValue(forKey: "schemas")?.arrayValue?.compactMap(\.stringValue) ?? []
        status = object.scimValue(forKey: "status")?.intValue
        scimType = object.scimValue(forKey: "scimType")?.stringValue
        detail = object.scimValue(forKey: "detail")?.stringValue
        guard listed.contains(SCIMSchemaURN.error) || detail != nil || scimType != nil else { return nil }
    }
}
