import SCIM

/// What **Save** on Provisioning → Integration writes.
public struct IntegrationChange: Sendable, Equatable {
    public var apiIntegrationEnabled: Bool
    public var baseURL: String
    /// A new token to store; nil keeps the stored one.
    public var token: BearerToken?

    public init(apiIntegrationEnabled: Bool, baseURL: String, token: BearerToken?) {
        self.apiIntegrationEnabled = apiIntegrationEnabled
        self.baseURL = baseURL
        self.token = token
    }
}
