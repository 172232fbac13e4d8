/// What discovery found. Each part is optional: Okta-style providers announce nothing.
public struct SCIMDiscovery: Sendable, Equatable {
    public var serviceProviderConfig: SCIMServiceProviderConfig?
    public var schemas: [SCIMSchema]
    public var resourceTypes: [SCIMResourceType]

    public init(serviceProviderConfig: SCIMServiceProviderConfig? = nil, schemas: [SCIMSchema] = [], resourceTypes: [SCIMResourceType] = []) {
        self.serviceProviderConfig = serviceProviderConfig
        self.schemas = schemas
        self.resourceTypes = resourceTypes
    }

    public var etagSupported: Bool { serviceProviderConfig?.etagSupported ?? false }
    public var bulkSupported: Bool { serviceProviderConfig?.bulkSupported ?? false }
}
