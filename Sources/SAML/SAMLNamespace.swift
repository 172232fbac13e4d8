/// Namespace and algorithm URIs used in the documents this target writes.
enum SAMLNamespace {
    static let protocolURI = "urn:oasis:names:tc:SAML:2.0:protocol"
    static let assertionURI = "urn:oasis:names:tc:SAML:2.0:assertion"
    static let metadataURI = "urn:oasis:names:tc:SAML:2.0:metadata"
    static let signatureURI = "http://www.w3.org/2000/09/xmldsig#"

    static let samlp = (prefix: "samlp", uri: protocolURI)
    static let saml = (prefix: "saml", uri: assertionURI)
    static let md = (prefix: "md", uri: metadataURI)
    static let ds = (prefix: "ds", uri: signatureURI)

    static let exclusiveC14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
    static let envelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
    static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"

    static let entityFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity"
    static let statusSuccess = "urn:oasis:names:tc:SAML:2.0:status:Success"
    static let bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer"
    static let passwordProtectedTransport = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
    static let bindingPOST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
    static let bindingRedirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
}
