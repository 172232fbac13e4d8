import SAML
import Store

/// The identity provider this console is for one app: its entity ID (the Issuer) and SSO URL, made from a base
/// URL and the app, as Okta makes `http://www.okta.com/<app id>` and `https://<org>/app/<name>/<id>/sso/saml`.
public enum AppIdentityProvider {
    /// Used when no base URL is given: scimdeck serves no sign-in page, so this names the IdP and nothing more.
    public static let defaultBaseURL = "https://scimdeck.local"

    public static func make(for app: Saved<AppIntegration>, baseURL: String = defaultBaseURL) -> IdentityProvider {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let path = "\(base)/app/\(app.catalogEntry)/\(app.id)"
        return IdentityProvider(entityID: path, ssoURL: path + "/sso/saml")
    }
}
