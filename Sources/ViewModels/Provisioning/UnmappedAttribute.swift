/// An attribute the app accepts that no mapping fills (**Show Unmapped Attributes**).
public struct UnmappedAttribute: Sendable, Equatable {
    /// The mapping path, e.g. `title`, `name.middleName`, `urn:…:enterprise:2.0:User:department`.
    public var attribute: String
    /// The SCIM type: string, boolean, reference, …
    public var type: String
    public var summary: String?

    public init(attribute: String, type: String = "string", summary: String? = nil) {
        self.attribute = attribute
        self.type = type
        self.summary = summary
    }
}

/// Where the unmapped list came from.
public enum UnmappedSource: Sendable, Equatable {
    case notLoaded
    case loading
    /// The provider's own `/Schemas`.
    case provider
    /// The SCIM core and enterprise User attributes (RFC 7643), because the provider's list was not to be had.
    case standard(reason: String)

    public var note: String? {
        switch self {
        case .notLoaded: return nil
        case .loading: return "Reading the app's /Schemas…"
        case .provider: return "Attributes from the app's /Schemas."
        case .standard(let reason): return "Standard SCIM User attributes (\(reason))."
        }
    }
}
