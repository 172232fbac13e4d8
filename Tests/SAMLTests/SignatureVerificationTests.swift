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
        // Rejected for the signature, not for some unrelated reason.
        XCTAssertTrue((check.json["error"] as? String)?.contains("SignatureError") == true, check.result.stdout)
    }

    func test_pysaml2RequiresTheResponseSignature() throws {
        let files = try signedFiles()
        let xml = files.preview.xml
        // The first ds:Signature is the Response's (right after its Issuer); the Assertion's stays intact.
        let start = try XCTUnwrap(xml.range(of: "<ds:Signature "))
        let end = try XCTUnwrap(xml.range(of: "</ds:Signature>", range: start.upperBound..<xml.endIndex))
        XCTAssertTrue(xml[end.upperBound...].hasPrefix("<samlp:Status>"))
        let unsigned = files.directory.url.appendingPathComponent("unsigned-response.xml")
        try Data((String(xml[..<start.lowerBound]) + String(xml[end.upperBound...])).utf8).write(to: unsigned)
        let check = try SAMLFixture.pysaml2Check(response: unsigned, metadata: files.metadata, settings: SAMLFixture.settings)
        XCTAssertEqual(check.json["ok"] as? Bool, false, check.result.stdout + check.result.stderr)
        XCTAssertTrue((check.json["error"] as? String)?.contains("Signature missing") == true, check.result.stdout)
        // The assertion's own signature is still good: the checker required the Response's.
        let assertion = try SAMLFixture.xmlsecVerify(response: unsigned, certificate: files.certificate, nodeID: files.preview.assertionID)
        XCTAssertTrue(assertion.succeeded, assertion.stderr)
    }

    /// Every character that canonical XML escapes, in text and in attributes, signed and then checked by
    /// libxml2's own canonicalization (xmlsec1) and by pysaml2: proves the bytes written are the canonical ones.
    func test_escapedCharactersSurviveCanonicalization() throws {
        var settings = SAMLFixture.settings
        settings.acsURL = "https://axiad.example.com/saml/acs?a=1&b=\"2\"&c=<3>"
        settings.audience = "urn:axiad:sp?x=1&y=<2>"
        let subject = SAMLSubject(nameID: "o'brien+&<x>@example.com", attributes: [
            SAMLAttribute(name: "note & \"quote\" <tag>", nameFormat: .unspecified, values: [
                "line one\r\nline two\ttabbed", "]]> & emoji 🦊 and 李小龙", "  padded  ",
            ]),
            SAMLAttribute(name: "tab\there\nnewline", values: ["x"]),
            SAMLAttribute(name: "empty", values: [""]),
        ])
        let preview = try SAMLFixture.builder().preview(settings: settings, subject: subject)
        let directory = try TestDirectory()
        let files = try SAMLFixture.writeFiles(preview: preview, into: directory.url)
        let response = try SAMLFixture.xmlsecVerify(response: files.response, certificate: files.certificate, nodeID: nil)
        XCTAssertTrue(response.succeeded, response.stderr)
        let assertion = try SAMLFixture.xmlsecVerify(response: files.response, certificate: files.certificate, nodeID: preview.assertionID)
        XCTAssertTrue(assertion.succeeded, assertion.stderr)

        let check = try SAMLFixture.pysaml2Check(response: files.response, metadata: files.metadata, settings: settings)
        XCTAssertEqual(check.json["ok"] as? Bool, true, check.result.stdout + check.result.stderr)
        XCTAssertEqual(check.json["nameID"] as? String, "o'brien+&<x>@example.com")
        let attributes = try XCTUnwrap(check.json["attributes"] as? [String: Any])
        // XML parsers turn a literal CR LF into LF; the CR survives only as &#xD;, which is what was written.
        XCTAssertEqual(attributes["note & \"quote\" <tag>"] as? [String], ["line one\r\nline two\ttabbed", "]]> & emoji 🦊 and 李小龙", "  padded  "])
        XCTAssertEqual(attributes["tab\there\nnewline"] as? [String], ["x"])
    }

    func test_pysaml2RejectsAResponseForAnotherAudience() throws {
        let files = try signedFiles()
        var elsewhere = SAMLFixture.settings
        elsewhere.audience = "https://other.example.com/saml/metadata"
        let check = try SAMLFixture.pysaml2Check(response: files.response, metadata: files.metadata, settings: elsewhere)
        XCTAssertEqual(check.json["ok"] as? Bool, false, check.result.stdout + check.result.stderr)
    }
}
