import JSON

/// One page of a list or query (RFC 7644 §3.4.2).
public struct SCIMListResponse<Resource: SCIMResource>: Sendable, Equatable {
    public var totalResults: Int
    public var startIndex: Int
    public var itemsPerPage: Int
    public var resources: [Resource]

    public init(totalResults: Int, startIndex: Int = 1, itemsPerPage: Int? = nil, resources: [Resource]) {
        self.totalResults = totalResults
        self.startIndex = startIndex
        self.itemsPerPage = itemsPerPage ?? resources.count
        self.resources = resources
    }

    /// Reads a ListResponse leniently (string numbers, `resources` in any case, no `Resources` when empty),
    /// and fails with a reason when the JSON is not one.
    init(json: JSONValue) throws(SCIMDecodingError) {
        guard case .object(let object) = json else { throw SCIMDecodingError("expected a JSON object, got \(json.kindName)") }
        let listed = object.scimValue(forKey: "schemas")?.arrayValue?.compactMap(\.stringValue) ?? []
        guard let total = object.scimValue(forKey: "totalResults")?.intValue else {
            throw SCIMDecodingError(listed.contains(SCIMSchemaURN.listResponse) ? "ListResponse without a numeric totalResults" : "not a SCIM ListResponse (no totalResults)")
        }
        let items: [JSONValue]
        switch object.scimValue(forKey: "Resources") {
        case .none, .some(.null): items = []
        case .some(.array(let array)): items = array
        case .some(let other): throw SCIMDecodingError("Resources is \(other.kindName), expected an array")
        }
        var resources: [Resource] = []
        resources.reserveCapacity(items.count)
        for item in items {
            guard case .object(let attributes) = item else { throw SCIMDecodingError("a Resources entry is \(item.kindName), expected an object") }
            resources.append(Resource(attributes: attributes))
        }
        totalResults = total
        startIndex = object.scimValue(forKey: "startIndex")?.intValue ?? 1
        itemsPerPage = object.scimValue(forKey: "itemsPerPage")?.intValue ?? resources.count
        self.resources = resources
    }
}
