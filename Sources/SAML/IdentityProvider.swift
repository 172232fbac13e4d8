/// This console acting as the app's identity provider: its entity ID (the Issuer) and SSO URL.
public struct IdentityProvider: Hashable, Sendable, Codable {
    public var entityID: String
    public var ssoURL: String
    public var nameIDFormats: [NameIDFormat]

    public init(entityID: String, ssoURL: String, nameIDFormats: [NameIDFormat] = NameIDFormat.all) {
        self.entityID = entityID
        self.ssoURL = ssoURL
        self.nameIDFormats = nameIDFormats
    }

    /// Throws when the entity ID or SSO URL is missing or unusable.
    public func validate() throws {
        guard !entityID.trimmingCharacters(in: .whitespaces).isEmpty else { throw SAMLError.missingIssuer }
        try XMLText.check(entityID, field: "IdP entity ID")
        guard !ssoURL.trimmingCharacters(in: .whitespaces).isEmpty else { throw SAMLError.missingSSOURL }
        try SignOnSettings.checkURL(ssoURL, field: "IdP SSO URL")
        for format in nameIDFormats { try XMLText.check(format.rawValue, field: "Name ID format") }
    }
}
