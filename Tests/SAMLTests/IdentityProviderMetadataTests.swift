import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SAML
import XCTest

final class IdentityProviderMetadataTests: XCTestCase {
    func test_metadataDescribesTheIdPWithItsSigningCertificate() throws {
        let credential = try SAMLFixture.credential.get()
        let xml = try IdentityProviderMetadata(identityProvider: SAMLFixture.identityProvider, credential: credential).xml()
        let document = try XMLDocument(data: Data(xml.utf8))
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.localName, "EntityDescriptor")
        XCTAssertEqual(root.attribute(forName: "entityID")?.stringValue, SAMLFixture.identityProvider.entityID)
        let descriptor = try XCTUnwrap(root.elements(forLocalName: "IDPSSODescriptor", uri: "urn:oasis:names:tc:SAML:2.0:metadata").first)
        XCTAssertEqual(descriptor.attribute(forName: "protocolSupportEnumeration")?.stringValue, "urn:oasis:names:tc:SAML:2.0:protocol")

        let keyDescriptor = try XCTUnwrap(descriptor.elements(forLocalName: "KeyDescriptor", uri: "urn:oasis:names:tc:SAML:2.0:metadata").first)
        XCTAssertEqual(keyDescriptor.attribute(forName: "use")?.stringValue, "signing")
        XCTAssertTrue(keyDescriptor.stringValue?.contains(try credential.certificateBase64) == true)

        let formats = descriptor.elements(forLocalName: "NameIDFormat", uri: "urn:oasis:names:tc:SAML:2.0:metadata").compactMap(\.stringValue)
        XCTAssertEqual(formats, NameIDFormat.all.map(\.rawValue))

        let services = descriptor.elements(forLocalName: "SingleSignOnService", uri: "urn:oasis:names:tc:SAML:2.0:metadata")
        XCTAssertEqual(services.compactMap { $0.attribute(forName: "Binding")?.stringValue }, [
            "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
        ])
        XCTAssertEqual(Set(services.compactMap { $0.attribute(forName: "Location")?.stringValue }), [SAMLFixture.identityProvider.ssoURL])
    }

    func test_metadataFromPEMMatchesMetadataFromCredential() throws {
        let credential = try SAMLFixture.credential.get()
        let fromPEM = try IdentityProviderMetadata(identityProvider: SAMLFixture.identityProvider, certificatePEM: try credential.certificatePEM)
        let fromCredential = try IdentityProviderMetadata(identityProvider: SAMLFixture.identityProvider, credential: credential)
        XCTAssertEqual(try fromPEM.xml(), try fromCredential.xml())
    }

    func test_missingSSOURLOrEntityIDIsReported() throws {
        let credential = try SAMLFixture.credential.get()
        let noSSO = IdentityProvider(entityID: "http://idp", ssoURL: "")
        XCTAssertThrowsError(try IdentityProviderMetadata(identityProvider: noSSO, credential: credential).xml()) { error in
            XCTAssertEqual(error as? SAMLError, .missingSSOURL)
        }
        let noEntity = IdentityProvider(entityID: "", ssoURL: "https://idp.example.com/sso")
        XCTAssertThrowsError(try IdentityProviderMetadata(identityProvider: noEntity, credential: credential).xml()) { error in
            XCTAssertEqual(error as? SAMLError, .missingIssuer)
        }
    }
}
