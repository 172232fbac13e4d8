import SAML

/// The Name ID formats the Sign On tab offers (Okta's list), stored as their URNs.
public enum NameIDFormatChoice: String, Sendable, Hashable, CaseIterable {
    case unspecified, emailAddress, persistent, transient

    public var label: String {
        switch self {
        case .unspecified: return "Unspecified"
        case .emailAddress: return "EmailAddress"
        case .persistent: return "Persistent"
        case .transient: return "Transient"
        }
    }

    public var urn: String { format.rawValue }

    var format: NameIDFormat {
        switch self {
        case .unspecified: return .unspecified
        case .emailAddress: return .emailAddress
        case .persistent: return .persistent
        case .transient: return .transient
        }
    }

    /// The choice for a stored URN or short name; nil for a format the tab does not offer.
    public init?(urn: String) {
        let format = NameIDFormat(parsing: urn)
        guard let choice = Self.allCases.first(where: { $0.format == format }) else { return nil }
        self = choice
    }
}
