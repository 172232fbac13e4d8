import JSON

/// What a provider announces at `/ServiceProviderConfig` (RFC 7643 §5). Absent features read as unsupported.
public struct SCIMServiceProviderConfig: Sendable, Equatable {
    public var attributes: JSONObject

    public init(attributes: JSONObject) {
        self.attributes = attributes
    }

    public var patchSupported: Bool { supported("patch") }
    public var bulkSupported: Bool { supported("bulk") }
    public var filterSupported: Bool { supported("filter") }
    public var sortSupported: Bool { supported("sort") }
    public var etagSupported: Bool { supported("etag") }
    public var changePasswordSupported: Bool { supported("changePassword") }

    public var bulkMaxOperations: Int? { attributes.scimValue(forKey: "bulk")?["maxOperations"]?.intValue }
    public var bulkMaxPayloadSize: Int? { attributes.scimValue(forKey: "bulk")?["maxPayloadSize"]?.intValue }
    public var filterMaxResults: Int? { attributes.scimValue(forKey: "filter")?["maxResults"]?.intValue }

    /// The `type` of each announced authentication scheme (`oauthbearertoken`, `httpbasic`).
    public var authenticationSchemes: [String] {
        attributes.scimValue(forKey: "authenticationSchemes")?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? []
    }

    private func supported(_ feature: String) -> Bool {
        attributes.scimValue(forKey: feature)?["supported"]?.boolValue ?? false
    }
}
