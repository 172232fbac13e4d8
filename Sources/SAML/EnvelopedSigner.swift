import Crypto
import Foundation

/// Signs an element with an enveloped XML Signature (exc-c14n, RSA-SHA256, SHA-256 digest) placed right after its
/// first child, the Issuer. The element is already in canonical form (see `XMLNode`), so its digest is taken over
/// the very bytes that are emitted, and the SignedInfo is signed in its canonical form, which declares `xmlns:ds`
/// itself because it is the apex of its own canonicalization.
struct EnvelopedSigner: Sendable {
    let credential: SigningCredential

    /// The element with its `ds:Signature` inserted after the Issuer. `id` is the element's ID attribute.
    func sign(_ element: XMLNode, id: String) throws -> XMLNode {
        let digest = Data(SHA256.hash(data: Data(element.canonical.utf8))).base64EncodedString()
        var signedInfo = signedInfo(referenceURI: "#" + id, digest: digest)
        signedInfo.namespaces = [SAMLNamespace.ds]
        let signatureValue = try credential.signRSASHA256(Data(signedInfo.canonical.utf8)).base64EncodedString()
        signedInfo.namespaces = []
        let signature = XMLNode("ds:Signature", namespaces: [SAMLNamespace.ds], elements: [
            signedInfo,
            XMLNode("ds:SignatureValue", text: signatureValue),
            XMLNode("ds:KeyInfo", elements: [
                XMLNode("ds:X509Data", elements: [
                    XMLNode("ds:X509Certificate", text: try credential.certificateBase64),
                ]),
            ]),
        ])
        var signed = element
        signed.children.insert(.element(signature), at: min(1, signed.children.count))
        return signed
    }

    private func signedInfo(referenceURI: String, digest: String) -> XMLNode {
        XMLNode("ds:SignedInfo", elements: [
            XMLNode("ds:CanonicalizationMethod", attributes: [("Algorithm", SAMLNamespace.exclusiveC14N)]),
            XMLNode("ds:SignatureMethod", attributes: [("Algorithm", SAMLNamespace.rsaSHA256)]),
            XMLNode("ds:Reference", attributes: [("URI", referenceURI)], elements: [
                XMLNode("ds:Transforms", elements: [
                    XMLNode("ds:Transform", attributes: [("Algorithm", SAMLNamespace.envelopedSignature)]),
                    XMLNode("ds:Transform", attributes: [("Algorithm", SAMLNamespace.exclusiveC14N)]),
                ]),
                XMLNode("ds:DigestMethod", attributes: [("Algorithm", SAMLNamespace.sha256)]),
                XMLNode("ds:DigestValue", text: digest),
            ]),
        ])
    }
}
