import SAML

/// The settings file of `saml preview`: the sign-on settings plus the IdP's entity ID (and SSO URL).
struct SAMLPreviewSettingsFile: Decodable {
    var signOn: SignOnSettings
    var issuer: String?
    var ssoURL: String?

    private enum CodingKeys: String, CodingKey {
        case issuer, ssoURL
    }

    init(from decoder: any Decoder) throws {
        signOn = try SignOnSettings(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try container.decodeIfPresent(String.self, forKey: .issuer)
        ssoURL = try container.decodeIfPresent(String.self, forKey: .ssoURL)
    }
}
