import Provisioning

/// The request profile names as a view shows them.
public enum ProfileChoice {
    public static let names: [String] = ProvisioningProfile.allCases.map(\.rawValue)
}
