import Provisioning

/// An app's attribute mappings as the store and catalog give them.
public struct MappingsSnapshot: Sendable, Equatable {
    public var catalogName: String
    /// In the app's order; `isEditable` from the catalog.
    public var mappings: [AttributeMapping]

    public init(catalogName: String, mappings: [AttributeMapping]) {
        self.catalogName = catalogName
        self.mappings = mappings
    }
}
