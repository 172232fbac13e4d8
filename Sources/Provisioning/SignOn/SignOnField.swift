/// The fields of the Sign On tab's form, in the order it shows them.
public enum SignOnField: String, Sendable, Hashable, CaseIterable {
    case defaultRelayState, acsURL, audienceURI, nameIDFormat, applicationUsername

    public var label: String {
        switch self {
        case .defaultRelayState: return "Default Relay State"
        case .acsURL: return "ACS URL"
        case .audienceURI: return "Audience URI"
        case .nameIDFormat: return "Name ID format"
        case .applicationUsername: return "Application username"
        }
    }
}
