/// How requests are shaped for an app (DESIGN.md, "Request profile").
public enum ProvisioningProfile: String, Sendable, CaseIterable, Codable {
    /// What Okta's client sends: full PUT for updates, PATCH for active and members.
    case okta
    /// RFC 7644 as announced by /ServiceProviderConfig: PATCH with paths, ETags, Bulk.
    case rfc7644
}
