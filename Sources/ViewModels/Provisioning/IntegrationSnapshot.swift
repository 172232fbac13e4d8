/// What the store holds for Provisioning → Integration: the form's starting point and what Cancel returns to.
public struct IntegrationSnapshot: Sendable, Equatable {
    /// The app's label, for "Axiad Cloud (prod) was verified successfully".
    public var appLabel: String
    public var apiIntegrationEnabled: Bool
    public var baseURL: String
    /// The stored token as `TokenHint` shows it (`••••3f9a`); nil when no token is stored.
    public var tokenHint: String?

    public init(appLabel: String, apiIntegrationEnabled: Bool, baseURL: String, tokenHint: String?) {
        self.appLabel = appLabel
        self.apiIntegrationEnabled = apiIntegrationEnabled
        self.baseURL = baseURL
        self.tokenHint = tokenHint
    }
}
