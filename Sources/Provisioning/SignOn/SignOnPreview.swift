import Foundation

/// Preview SAML for one person: the signed Response, the IdP metadata the app imports, and where to post them.
public struct SignOnPreview: Sendable, Hashable {
    public let personLogin: String
    public let personName: String
    /// The Name ID the app will see (the evaluated application username).
    public let nameID: String
    /// The Response exactly as signed (UTF-8, no XML declaration).
    public let responseXML: String
    /// The `SAMLResponse` form value of the HTTP-POST binding.
    public let responseBase64: String
    /// A page that posts the Response (and Relay State) to the ACS URL.
    public let autoPostHTML: String
    public let acsURL: String
    public let relayState: String
    public let metadataXML: String
    public let entityID: String
    public let ssoURL: String
    public let certificate: SigningCertificateInfo
    public let notOnOrAfter: Date

    /// The files "write preview" makes, by name.
    public var files: [(name: String, contents: String)] {
        [("saml-response.xml", responseXML), ("idp-metadata.xml", metadataXML), ("saml-post.html", autoPostHTML)]
    }
}
