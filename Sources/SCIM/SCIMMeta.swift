import JSON

/// The `meta` attribute of a resource (RFC 7643 §3.1), read from the resource's JSON.
public struct SCIMMeta: Sendable, Equatable {
    public var resourceType: String?
    public var created: String?
    public var lastModified: String?
    public var location: String?
    /// The entity tag (`W/"3"`), sent back as `If-Match` when the provider supports ETags.
    public var version: String?

    public init(resourceType: String? = nil, created: String? = nil, lastModified: String? = nil, location: String? = nil, version: String? = nil) {
        self.resourceType = resourceType
        self.created = created
        self.lastModified = lastModified
        self.location = location
        self.version = version
    }

    init?(json: JSONValue?) {
        guard let json, case .object = json else { return nil }
        resourceType = json["resourceType"]?.stringValue
        created = json["created"]?.stringValue
        lastModified = json["lastModified"]?.stringValue
        location = json["location"]?.stringValue
        version = json["version"]?.stringValue
    }
}
