import Foundation

/// An app's Sign On settings as the Response needs them (Okta's "SAML Settings" page).
public struct SignOnSettings: Hashable, Sendable, Codable {
    /// Single sign-on URL: where the browser posts the Response.
    public var acsURL: String
    /// Audience URI (SP Entity ID).
    public var audience: String
    public var nameIDFormat: NameIDFormat
    /// Default Relay State, posted beside the Response; empty for none.
    public var defaultRelayState: String
    /// Recipient URL in the bearer confirmation; the ACS URL when nil.
    public var recipientURL: String?
    /// Destination URL on the Response; the ACS URL when nil.
    public var destinationURL: String?
    /// Application username: the expression whose value is the Name ID (Okta's default is the Okta username).
    public var applicationUsername: String
    /// Attribute statements, evaluated per person into the AttributeStatement.
    public var attributeStatements: [AttributeStatement]

    /// Okta's default application username, the person's login.
    public static let defaultApplicationUsername = "user.login"

    public init(
        acsURL: String,
        audience: String,
        nameIDFormat: NameIDFormat = .unspecified,
        defaultRelayState: String = "",
        recipientURL: String? = nil,
        destinationURL: String? = nil,
        applicationUsername: String = SignOnSettings.defaultApplicationUsername,
        attributeStatements: [AttributeStatement] = []
    ) {
        self.acsURL = acsURL
        self.audience = audience
        self.nameIDFormat = nameIDFormat
        self.defaultRelayState = defaultRelayState
        self.recipientURL = recipientURL
        self.destinationURL = destinationURL
        self.applicationUsername = applicationUsername
        self.attributeStatements = attributeStatements
    }

    private enum CodingKeys: String, CodingKey {
        case acsURL, audience, nameIDFormat, defaultRelayState, recipientURL, destinationURL, applicationUsername, attributeStatements
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        acsURL = try container.decodeIfPresent(String.self, forKey: .acsURL) ?? ""
        audience = try container.decodeIfPresent(String.self, forKey: .audience) ?? ""
        nameIDFormat = try container.decodeIfPresent(NameIDFormat.self, forKey: .nameIDFormat) ?? .unspecified
        defaultRelayState = try container.decodeIfPresent(String.self, forKey: .defaultRelayState) ?? ""
        recipientURL = try container.decodeIfPresent(String.self, forKey: .recipientURL)
        destinationURL = try container.decodeIfPresent(String.self, forKey: .destinationURL)
        applicationUsername = try container.decodeIfPresent(String.self, forKey: .applicationUsername) ?? Self.defaultApplicationUsername
        attributeStatements = try container.decodeIfPresent([AttributeStatement].self, forKey: .attributeStatements) ?? []
    }

    /// The recipient actually used: `recipientURL`, else the ACS URL.
    public var effectiveRecipient: String { nonEmpty(recipientURL) ?? acsURL }
    /// The destination actually used: `destinationURL`, else the ACS URL.
    public var effectiveDestination: String { nonEmpty(destinationURL) ?? acsURL }

    /// Throws the first problem that would make a malformed or useless Response.
    public func validate() throws {
        let acs = acsURL.trimmingCharacters(in: .whitespaces)
        guard !acs.isEmpty else { throw SAMLError.missingACSURL }
        try Self.checkURL(acs, field: "ACS URL")
        guard !audience.trimmingCharacters(in: .whitespaces).isEmpty else { throw SAMLError.missingAudience }
        try XMLText.check(audience, field: "Audience URI")
        try XMLText.check(defaultRelayState, field: "Default Relay State")
        try XMLText.check(nameIDFormat.rawValue, field: "Name ID format")
        if let recipient = nonEmpty(recipientURL) { try Self.checkURL(recipient, field: "Recipient URL") }
        if let destination = nonEmpty(destinationURL) { try Self.checkURL(destination, field: "Destination URL") }
    }

    static func checkURL(_ value: String, field: String) throws {
        try XMLText.check(value, field: field)
        guard let components = URLComponents(string: value),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { throw SAMLError.invalidURL(field: field, value: value) }
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}
