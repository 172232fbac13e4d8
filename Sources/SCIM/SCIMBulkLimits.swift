/// How much one Bulk request may carry, as the provider announces it at `/ServiceProviderConfig`.
public struct SCIMBulkLimits: Sendable, Equatable {
    /// RFC 7643 makes both limits required; a provider that leaves `maxOperations` out gets batches
    /// this small, so no request is refused for its size.
    public static let defaultMaxOperations = 100

    public var maxOperations: Int
    /// Bytes of one request body; nil when the provider sets no limit.
    public var maxPayloadSize: Int?

    public init(maxOperations: Int, maxPayloadSize: Int? = nil) {
        self.maxOperations = max(1, maxOperations)
        self.maxPayloadSize = maxPayloadSize
    }

    /// The announced limits, or nil when the provider does not support Bulk.
    public init?(_ config: SCIMServiceProviderConfig?) {
        guard let config, config.bulkSupported else { return nil }
        self.init(maxOperations: config.bulkMaxOperations ?? Self.defaultMaxOperations,
                  maxPayloadSize: config.bulkMaxPayloadSize.flatMap { $0 > 0 ? $0 : nil })
    }
}
