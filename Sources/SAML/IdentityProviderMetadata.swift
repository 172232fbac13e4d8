import Foundation
import X509

/// IdP metadata for an app: the EntityDescriptor an SP imports to trust this console's signatures.
public struct IdentityProviderMetadata: Sendable {
    public let identityProvider: IdentityProvider
    /// The certificate's DER in base64, as `SigningCredential.certificateBase64` gives it.
    public let certificateBase64: String

    public init(identityProvider: IdentityProvider, certificateBase64: String) {
        self.identityProvider = identityProvider
        self.certificateBase64 = certificateBase64
    }

    public init(identityProvider: IdentityProvider, credential: SigningCredential) throws {
        self.init(identityProvider: identityProvider, certificateBase64: try credential.certificateBase64)
    }

    /// Takes the certificate as PEM (the key is not needed to publish metadata).
    public init(identityProvider: IdentityProvider, certificatePEM: String) throws {
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw SAMLError.unreadableCertificate(String(describing: error))
        }
        let der = try certificate.serializeAsPEM().derBytes
        self.init(identityProvider: identityProvider, certificateBase64: Data(der).base64EncodedString())
    }

    /// The metadata document, indented, with an XML declaration.
    public func xml() throws -> String {
        try identityProvider.validate()
        let certificate = certificateBase64.filter { !$0.isWhitespace }
        guard !certificate.isEmpty else { throw SAMLError.unreadableCertificate("the certificate is empty") }
        var descriptorChildren: [XMLNode] = [
            XMLNode("md:KeyDescriptor", attributes: [("use", "signing")], elements: [
                XMLNode("ds:KeyInfo", namespaces: [SAMLNamespace.ds], elements: [
                    XMLNode("ds:X509Data", elements: [XMLNode("ds:X509Certificate", text: certificate)]),
                ]),
            ]),
        ]
        descriptorChildren += identityProvider.nameIDFormats.map { XMLNode("md:NameIDFormat", text: $0.rawValue) }
        descriptorChildren += [SAMLNamespace.bindingPOST, SAMLNamespace.bindingRedirect].map { binding in
            XMLNode("md:SingleSignOnService", attributes: [("Binding", binding), ("Location", identityProvider.ssoURL)])
        }
        let root = XMLNode(
            "md:EntityDescriptor",
            namespaces: [SAMLNamespace.md],
            attributes: [("entityID", identityProvider.entityID)],
            elements: [
                XMLNode("md:IDPSSODescriptor", attributes: [
                    ("WantAuthnRequestsSigned", "false"),
                    ("protocolSupportEnumeration", SAMLNamespace.protocolURI),
                ], elements: descriptorChildren),
            ]
        )
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.indented + "\n"
    }
}
