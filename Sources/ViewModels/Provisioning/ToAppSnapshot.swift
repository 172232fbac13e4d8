import Provisioning

/// What the store and the catalog say about Provisioning → To App.
public struct ToAppSnapshot: Sendable, Equatable {
    public var toggles: ProvisioningToggles
    /// The catalog entry's name, e.g. "Axiad Cloud".
    public var catalogName: String
    public var supportsCreateUsers: Bool
    public var supportsUpdateUsers: Bool
    public var supportsDeactivateUsers: Bool
    /// Nil where the app offers Sync Password; otherwise why it is not shown.
    public var syncPasswordUnsupportedReason: String?

    public init(toggles: ProvisioningToggles, catalogName: String, supportsCreateUsers: Bool = true, supportsUpdateUsers: Bool = true,
                supportsDeactivateUsers: Bool = true, syncPasswordUnsupportedReason: String?) {
        self.toggles = toggles
        self.catalogName = catalogName
        self.supportsCreateUsers = supportsCreateUsers
        self.supportsUpdateUsers = supportsUpdateUsers
        self.supportsDeactivateUsers = supportsDeactivateUsers
        self.syncPasswordUnsupportedReason = syncPasswordUnsupportedReason
    }

    /// The snapshot for an app of `entry` (nil: an entry the catalog no longer has, everything offered).
    public init(toggles: ProvisioningToggles, entry: CatalogEntry?) {
        self.init(toggles: toggles, catalogName: entry?.name ?? "This app",
                  supportsCreateUsers: entry?.supportsCreateUsers ?? true, supportsUpdateUsers: entry?.supportsUpdateUsers ?? true,
                  supportsDeactivateUsers: entry?.supportsDeactivateUsers ?? true,
                  syncPasswordUnsupportedReason: entry?.syncPasswordUnsupportedReason)
    }
}
