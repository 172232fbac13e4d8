import JSON

extension SCIMClient {
    /// Reads `/ServiceProviderConfig`, `/Schemas` and `/ResourceTypes`. Each is optional: a provider that
    /// announces nothing (404, 501, not JSON) gives an empty part. A refused token (401/403) or an
    /// unreachable service is thrown.
    public func discover() async throws -> SCIMDiscovery {
        var discovery = SCIMDiscovery()
        if let config = try await optionalJSON("ServiceProviderConfig")?.objectValue {
            discovery.serviceProviderConfig = SCIMServiceProviderConfig(attributes: config)
        }
        discovery.schemas = try await optionalJSON("Schemas").map(Self.entries)?.map(SCIMSchema.init(attributes:)) ?? []
        discovery.resourceTypes = try await optionalJSON("ResourceTypes").map(Self.entries)?.map(SCIMResourceType.init(attributes:)) ?? []
        return discovery
    }

    private func optionalJSON(_ path: String) async throws -> JSONValue? {
        let request = try makeRequest("GET", path: path)
        do {
            let response = try await send(request)
            return try Self.decodeJSON(response, request: request)
        } catch let error as SCIMClientError {
            switch error.kind {
            case .status where error.status == 401 || error.status == 403: throw error
            case .transport, .invalidBaseURL, .invalidRequest, .waitLimitExceeded: throw error
            case .status, .notSCIM, .foreignResource: return nil
            }
        }
    }

    /// The objects of a ListResponse (RFC 7644) or of a bare array (as some providers send).
    private static func entries(_ json: JSONValue) -> [JSONObject] {
        let list = json.arrayValue ?? json["Resources"]?.arrayValue ?? []
        return list.compactMap(\.objectValue)
    }
}
