import Foundation
import SAML
import XCTest

/// The signed Response checked by tools that share no code with scimdeck: xmlsec1 and pysaml2.
final class SignatureVerificationTests: XCTestCase {
    private func signedFiles() throws -> (preview: SAMLPreview, directory: TestDirectory, response: URL, certificate: URL, metadata: URL) {
        let preview = try SAMLFixture.builder().preview(settings: SAMLFixture.settings, subject: SAMLFixture.subject)
        let directory = try TestDirectory()
        let files = try SAMLFixture.writeFiles(preview: preview, into: directory.url)
        return (preview, directory, files.response, files.certificate, files.metadata)
    }

    /// The response with one character of the NameID changed (alice → alicf).
    private func tamper(_ preview: SAMLPreview, into directory: URL) throws -> URL {
        let original = ">alice.ng@example.com</saml:NameID>"
        XCTAssertTrue(preview.xml.contains(original))
        let tampered = preview.xml.replacingOccurrences(of: original, with: ">alicf.ng@example.com</saml:NameID>")
        let url = directory.appendingPathComponent("tampered.xml")
        try Data(tampered.utf8).write(to: url)
        return url
    }

    func test_xmlsec1VerifiesTheResponseSignature() throws {
        let files = try signedFiles()
        let result = try SAMLFixture.xmlsecVerify(response: files.response, certificate: files.certificate, nodeID: nil)
        XCTAssertTrue(result.succeeded, result.stderr)
        XCTAssertTrue(result.stderr.contains("OK"), result.stderr)
    }

    func test_xmlsec1VerifiesTheAssertionSignature() throws {
        let files = try signedFiles()
        let result = try SAMLFixture.xmlsecVerify(response: files.response, certificate: files.certificate, nodeID: files.preview.assertionID)
        XCTAssertTrue(result.succeeded, result.stderr)
        XCTAssertTrue(result.stderr.contains("OK"), result.stderr)
    }

    func test_xmlsec1VerifiesTheAssertionAlone() throws {
        let files = try signedFiles()
        let xml = files.preview.xml
        let start = try XCTUnwrap(xml.range(of: "<saml:Assertion "))
        let end = try XCTUnwrap(xml.range(of: "</saml:Assertion>"))
        let assertionOnly = files.directory.url.appendingPathComponent("assertion.xml")
        try Data(String(xml[start.lowerBound..<end.upperBound]).utf8).write(to: assertionOnly)
        let result = try SAMLFixture.xmlsecVerify(response: assertionOnly, certificate: files.certificate, nodeID: nil)
        XCTAssertTrue(result.succeeded, result.stderr)
    }

    func test_xmlsec1RejectsATamperedNameID() throws {
        let files = try signedFiles()
        let tampered = try tamper(files.preview, into: files.directory.url)
        let response = try SAMLFixture.xmlsecVerify(response: tampered, certificate: files.certificate, nodeID: nil)
        XCTAssertFalse(response.succeeded, "the Response signature must fail: \(response.stderr)")
        let assertion = try SAMLFixture.xmlsecVerify(response: tampered, certificate: files.certificate, nodeID: files.preview.assertionID)
        XCTAssertFalse(assertion.succeeded, "the Assertion signature must fail: \(assertion.stderr)")
    }

    func test_xmlsec1RejectsAnotherCertificate() throws {
        let files = try signedFiles()
        let stranger = try SigningCredential.generate(commonName: "Stranger")
        let strangerCertificate = files.directory.url.appendingPathComponent("stranger.pem")
        try Data(try stranger.certificatePEM.utf8).write(to: strangerCertificate)
        let result = try SAMLFixture.xmlsecVerify(response: files.response, certificate: strangerCertificate, nodeID: nil)
        XCTAssertFalse(result.succeeded, result.stderr)
    }

    func test_pysaml2AcceptsTheResponseWithSignedAssertionAndResponseRequired() throws {
        let files = try signedFiles()
        let check = try SAMLFixture.pysaml2Check(response: files.response, metadata: files.metadata, settings: SAMLFixture.settings)
        XCTAssertTrue(check.result.succeeded, check.result.stdout + check.result.stderr)
        XCTAssertEqual(check.json["ok"] as? Bool, true)
        XCTAssertEqual(check.json["issuer"] as? String, SAMLFixture.identityProvider.entityID)
        XCTAssertEqual(check.json["nameID"] as? String, "alice.ng@example.com")
        XCTAssertEqual(check.json["nameIDFormat"] as? String, NameIDFormat.emailAddress.rawValue)
        let attributes = try XCTUnwrap(check.json["attributes"] as? [String: [String]])
        XCTAssertEqual(attributes, [
            "email": ["alice.ng@example.com"],
            "firstName": ["Alice & <Al>"],
            "urn:oid:2.5.4.4": ["Ng"],
            "groups": ["Engineering", "Zoë's \"team\""],
        ])
        let formats = try XCTUnwrap(check.json["attributeNameFormats"] as? [String: String])
        XCTAssertEqual(formats["urn:oid:2.5.4.4"], AttributeNameFormat.uri.rawValue)
        XCTAssertEqual(formats["email"], AttributeNameFormat.basic.rawValue)
    }

    func test_pysaml2RejectsATamperedNameID() throws {
        let files = try signedFiles()
        let tampered = try tamper(files.preview, into: files.directory.url)
        let check = try SAMLFixture.pysaml2Check(response: tampered, metadata: files.metadata, settings: SAMLFixture.settings)
        XCTAssertFalse(check.result.succeeded, check.result.stdout)
        XCTAssertEqual(check.json["ok"] as? Bool, false, check.result.stdout + check.result.stderr)
    }

    func test_pysaml2RejectsAResponseForAnotherAudience() throws {
        let files = try signedFiles()
        var elsewhere = SAMLFixture.settings
        elsewhere.audience = "https://other.example.com/saml/metadata"
        let check = try SAMLFixture.pysaml2Check(response: files.response, metadata: files.metadata, settings: elsewhere)
        XCTAssertEqual(check.json["ok"] as? Bool, false, check.result.stdout + check.result.stderr)
    }
}
