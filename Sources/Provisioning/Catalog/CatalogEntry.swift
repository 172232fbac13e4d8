import SCIM

/// An app integration in the catalog, with the defaults an added app starts from.
public struct CatalogEntry: Sendable, Equatable, Identifiable {
    public struct Stack: Sendable, Equatable {
        public var name: String
        public var relayStateHint: String
        public var acsURLHint: String
        public var audienceHint: String
        public var baseURLHint: String
    }

    public var id: String
    public var name: String
    public var summary: String
    public var supportsSAML: Bool
    public var supportsCreateUsers: Bool
    public var supportsUpdateUsers: Bool
    public var supportsDeactivateUsers: Bool
    /// Nil where the app offers Sync Password; otherwise why it is not shown.
    public var syncPasswordUnsupportedReason: String?
    public var userNamesAreCaseInsensitive: Bool
    public var defaultProfile: ProvisioningProfile
    public var defaultMappings: [AttributeMapping]
    public var stacks: [Stack]

    /// Why `attribute` may not be mapped for this app, nil when it may: `password` where the app has
    /// no password sync (scimdeck would send, and log, a password the app does not take).
    public func refusalToMap(_ attribute: String) -> String? {
        guard let reason = syncPasswordUnsupportedReason, let path = SCIMAttributePath(attribute),
              path.schemaURN == nil || path.schemaURN?.caseInsensitiveCompare(SCIMSchemaURN.user) == .orderedSame,
              path.attribute.caseInsensitiveCompare("password") == .orderedSame else { return nil }
        return reason
    }

    /// Case-insensitive match on the name, for the catalog's search-as-you-type.
    public func matches(search: String) -> Bool {
        let needle = search.trimmingCharacters(in: .whitespaces)
        return needle.isEmpty || name.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
}
