import Foundation

/// What went wrong while making keys, metadata or a signed Response, said so an admin can fix it.
public enum SAMLError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case missingACSURL
    case invalidURL(field: String, value: String)
    case missingAudience
    case missingIssuer
    case missingSSOURL
    case emptyNameID
    case emptyAttributeName
    case invalidExpression(field: String, expression: String, reason: String)
    case invalidCharacter(field: String)
    case invalidValidity(String)
    case keyGenerationFailed(String)
    case unreadablePrivateKey(String)
    case unreadableCertificate(String)
    case certificateDoesNotMatchKey
    case signingFailed(String)

    public var description: String {
        switch self {
        case .missingACSURL:
            return "The ACS URL (Single sign-on URL) is empty: set it to the app's Assertion Consumer Service URL."
        case let .invalidURL(field, value):
            return "The \(field) \"\(value)\" is not an absolute http(s) URL: enter the full URL, e.g. https://app.example.com/saml/acs."
        case .missingAudience:
            return "The Audience URI (SP Entity ID) is empty: set it to the entity ID the app gives for its service provider."
        case .missingIssuer:
            return "The identity provider's entity ID (Issuer) is empty: set the IdP entity ID."
        case .missingSSOURL:
            return "The identity provider's single sign-on URL is empty: set the IdP SSO URL."
        case .emptyNameID:
            return "The Name ID for this person is empty: check the application username expression and the person's profile."
        case .emptyAttributeName:
            return "An attribute statement has no name: give every attribute statement a name or remove it."
        case let .invalidExpression(field, expression, reason):
            return "The \(field) expression \"\(expression)\" cannot be evaluated (\(reason)): correct it, e.g. user.email."
        case let .invalidCharacter(field):
            return "The \(field) holds a control character that XML cannot carry: remove it."
        case let .invalidValidity(reason):
            return "The certificate validity is not usable: \(reason)."
        case let .keyGenerationFailed(reason):
            return "Could not generate the signing key or certificate: \(reason)."
        case let .unreadablePrivateKey(reason):
            return "Could not read the signing key (expected an RSA private key in PEM): \(reason)."
        case let .unreadableCertificate(reason):
            return "Could not read the signing certificate (expected an X.509 certificate in PEM): \(reason)."
        case .certificateDoesNotMatchKey:
            return "The signing certificate does not belong to the signing key: use the certificate made with this key, or rotate both."
        case let .signingFailed(reason):
            return "Could not sign the SAML message: \(reason)."
        }
    }

    public var errorDescription: String? { description }
}
