import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SAML
import XCTest

final class SAMLResponseBuilderTests: XCTestCase {
    private func preview(settings: SignOnSettings = SAMLFixture.settings, subject: SAMLSubject = SAMLFixture.subject) throws -> SAMLPreview {
        try SAMLFixture.builder().preview(settings: settings, subject: subject)
    }

    func test_responseHoldsOneAssertionWithEverythingTheSettingsSay() throws {
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let preview = try SAMLFixture.builder().preview(settings: SAMLFixture.settings, subject: SAMLFixture.subject, now: now)
        let document = try XMLDocument(data: Data(preview.xml.utf8))
        let response = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(response.localName, "Response")
        XCTAssertEqual(response.uri, "urn:oasis:names:tc:SAML:2.0:protocol")
        XCTAssertEqual(response.attribute(forName: "Destination")?.stringValue, SAMLFixture.settings.acsURL)
        XCTAssertEqual(response.attribute(forName: "Version")?.stringValue, "2.0")
        XCTAssertEqual(response.attribute(forName: "IssueInstant")?.stringValue, "2025-06-15T15:06:40Z")

        let children = response.children?.compactMap { $0 as? XMLElement } ?? []
        XCTAssertEqual(children.map { $0.localName ?? "" }, ["Issuer", "Signature", "Status", "Assertion"])
        XCTAssertEqual(children[0].stringValue, SAMLFixture.identityProvider.entityID)
        let statusCode = try XCTUnwrap(children[2].children?.first as? XMLElement)
        XCTAssertEqual(statusCode.attribute(forName: "Value")?.stringValue, "urn:oasis:names:tc:SAML:2.0:status:Success")

        let assertion = children[3]
        let parts = assertion.children?.compactMap { $0 as? XMLElement } ?? []
        XCTAssertEqual(parts.map { $0.localName ?? "" }, ["Issuer", "Signature", "Subject", "Conditions", "AuthnStatement", "AttributeStatement"])
        XCTAssertEqual(assertion.attribute(forName: "ID")?.stringValue, preview.assertionID)

        let xml = preview.xml
        XCTAssertTrue(xml.contains("<saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">alice.ng@example.com</saml:NameID>"))
        XCTAssertTrue(xml.contains("<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\"><saml:SubjectConfirmationData NotOnOrAfter=\"2025-06-15T15:11:40Z\" Recipient=\"https://axiad.example.com/saml/acs\"></saml:SubjectConfirmationData>"))
        XCTAssertTrue(xml.contains("<saml:Conditions NotBefore=\"2025-06-15T15:01:40Z\" NotOnOrAfter=\"2025-06-15T15:11:40Z\"><saml:AudienceRestriction><saml:Audience>https://axiad.example.com/saml/metadata</saml:Audience></saml:AudienceRestriction></saml:Conditions>"))
        XCTAssertTrue(xml.contains("<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef>"))
        XCTAssertTrue(xml.contains("<saml:Attribute Name=\"firstName\" NameFormat=\"urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified\"><saml:AttributeValue>Alice &amp; &lt;Al&gt;</saml:AttributeValue></saml:Attribute>"))
        XCTAssertTrue(xml.contains("<saml:AttributeValue>Engineering</saml:AttributeValue><saml:AttributeValue>Zoë's \"team\"</saml:AttributeValue>"))
        XCTAssertTrue(xml.contains("<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"></ds:SignatureMethod>"))
        XCTAssertEqual(preview.notOnOrAfter, now.addingTimeInterval(300))
    }

    func test_idsAreValidXMLIDsAndDiffer() throws {
        let preview = try preview()
        for id in [preview.responseID, preview.assertionID] {
            XCTAssertTrue(id.hasPrefix("_"), id)
            XCTAssertTrue(preview.xml.contains("URI=\"#\(id)\""))
        }
        XCTAssertNotEqual(preview.responseID, preview.assertionID)
        XCTAssertNotEqual(try self.preview().responseID, preview.responseID)
    }

    func test_base64AndRelayStateAreReadyToPost() throws {
        let preview = try preview()
        XCTAssertEqual(Data(base64Encoded: preview.base64).map { String(decoding: $0, as: UTF8.self) }, preview.xml)
        XCTAssertEqual(preview.relayState, SAMLFixture.settings.defaultRelayState)
        XCTAssertEqual(preview.formFields.map(\.name), ["SAMLResponse", "RelayState"])
        XCTAssertTrue(preview.autoPostHTML.contains("action=\"https://axiad.example.com/saml/acs\""))
        XCTAssertTrue(preview.autoPostHTML.contains("value=\"https://axiad.example.com/home?tab=1&amp;x=&quot;y&quot;\""))

        var noRelay = SAMLFixture.settings
        noRelay.defaultRelayState = ""
        XCTAssertEqual(try self.preview(settings: noRelay).formFields.map(\.name), ["SAMLResponse"])
    }

    func test_noAttributesMeansNoAttributeStatement() throws {
        let preview = try preview(subject: SAMLSubject(nameID: "bob@example.com"))
        XCTAssertFalse(preview.xml.contains("AttributeStatement"))
    }

    func test_missingACSURLIsReported() throws {
        var settings = SAMLFixture.settings
        settings.acsURL = "  "
        XCTAssertThrowsError(try preview(settings: settings)) { error in
            XCTAssertEqual(error as? SAMLError, .missingACSURL)
            XCTAssertTrue(error.localizedDescription.contains("ACS URL"))
        }
    }

    func test_relativeACSURLIsReported() throws {
        var settings = SAMLFixture.settings
        settings.acsURL = "/saml/acs"
        XCTAssertThrowsError(try preview(settings: settings)) { error in
            XCTAssertEqual(error as? SAMLError, .invalidURL(field: "ACS URL", value: "/saml/acs"))
        }
    }

    func test_missingAudienceIsReported() throws {
        var settings = SAMLFixture.settings
        settings.audience = ""
        XCTAssertThrowsError(try preview(settings: settings)) { error in
            XCTAssertEqual(error as? SAMLError, .missingAudience)
            XCTAssertTrue(String(describing: error).contains("Audience URI"))
        }
    }

    func test_emptyNameIDIsReported() throws {
        XCTAssertThrowsError(try preview(subject: SAMLSubject(nameID: " "))) { error in
            XCTAssertEqual(error as? SAMLError, .emptyNameID)
            XCTAssertTrue(String(describing: error).contains("application username"))
        }
    }

    func test_missingIssuerIsReported() throws {
        let builder = SAMLResponseBuilder(
            identityProvider: IdentityProvider(entityID: "", ssoURL: "https://idp.example.com/sso"),
            credential: try SAMLFixture.credential.get()
        )
        XCTAssertThrowsError(try builder.preview(settings: SAMLFixture.settings, subject: SAMLFixture.subject)) { error in
            XCTAssertEqual(error as? SAMLError, .missingIssuer)
        }
    }

    func test_controlCharactersAndNamelessAttributesAreReported() throws {
        XCTAssertThrowsError(try preview(subject: SAMLSubject(nameID: "a\u{1}b"))) { error in
            XCTAssertEqual(error as? SAMLError, .invalidCharacter(field: "Name ID"))
        }
        let nameless = SAMLSubject(nameID: "a@example.com", attributes: [SAMLAttribute(name: "", values: ["x"])])
        XCTAssertThrowsError(try preview(subject: nameless)) { error in
            XCTAssertEqual(error as? SAMLError, .emptyAttributeName)
        }
    }

    func test_settingsAndSubjectDecodeFromJSONWithShortFormatNames() throws {
        let settings = try JSONDecoder().decode(SignOnSettings.self, from: Data("""
        {"acsURL": "https://a.example.com/acs", "audience": "aud", "nameIDFormat": "emailAddress"}
        """.utf8))
        XCTAssertEqual(settings.nameIDFormat, .emailAddress)
        XCTAssertEqual(settings.defaultRelayState, "")
        let subject = try JSONDecoder().decode(SAMLSubject.self, from: Data("""
        {"nameID": "a@example.com", "attributes": [{"name": "email", "nameFormat": "uri", "values": ["a@example.com"]}, {"name": "x"}]}
        """.utf8))
        XCTAssertEqual(subject.attributes[0].nameFormat, .uri)
        XCTAssertEqual(subject.attributes[1].nameFormat, .unspecified)
        XCTAssertEqual(subject.attributes[1].values, [])
    }

    func test_spInitiatedResponseAnswersTheRequest() throws {
        let preview = try SAMLFixture.builder().preview(settings: SAMLFixture.settings, subject: SAMLFixture.subject, inResponseTo: "_req42")
        let document = try XMLDocument(data: Data(preview.xml.utf8))
        let response = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(response.attribute(forName: "InResponseTo")?.stringValue, "_req42")
        let confirmation = try XCTUnwrap(try document.nodes(forXPath: "//*[local-name()='SubjectConfirmationData']").first as? XMLElement)
        XCTAssertEqual(confirmation.attribute(forName: "InResponseTo")?.stringValue, "_req42")
        XCTAssertFalse(try self.preview().xml.contains("InResponseTo"), "the IdP-initiated preview answers no request")
    }
}
