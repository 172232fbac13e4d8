import Foundation
import SAML
import XCTest

/// The signed Response checked by tools that share no code with scimdeck: xmlsec1, pysaml2 and python3-saml.
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

    func test_serviceProvidersAcceptTheResponseWithSignedAssertionAndResponseRequired() throws {
        let files = try signedFiles()
        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: files.response, metadata: files.metadata, settings: SAMLFixture.settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertTrue(check.result.succeeded, output)
            XCTAssertEqual(check.json["ok"] as? Bool, true, output)
            XCTAssertEqual(check.json["issuer"] as? String, SAMLFixture.identityProvider.entityID, output)
            XCTAssertEqual(check.json["nameID"] as? String, "alice.ng@example.com", output)
            XCTAssertEqual(check.json["nameIDFormat"] as? String, NameIDFormat.emailAddress.rawValue, output)
            XCTAssertEqual(check.json["attributes"] as? [String: [String]], [
                "email": ["alice.ng@example.com"],
                "firstName": ["Alice & <Al>"],
                "urn:oid:2.5.4.4": ["Ng"],
                "groups": ["Engineering", "Zoë's \"team\""],
            ], output)
        }
    }

    func test_pysaml2ReadsTheAttributeNameFormats() throws {
        let files = try signedFiles()
        let check = try SAMLFixture.serviceProviderCheck(.pysaml2, response: files.response, metadata: files.metadata, settings: SAMLFixture.settings)
        let formats = try XCTUnwrap(check.json["attributeNameFormats"] as? [String: String], check.result.stdout)
        XCTAssertEqual(formats["urn:oid:2.5.4.4"], AttributeNameFormat.uri.rawValue)
        XCTAssertEqual(formats["email"], AttributeNameFormat.basic.rawValue)
        XCTAssertEqual(formats["firstName"], AttributeNameFormat.unspecified.rawValue)
    }

    func test_serviceProvidersRejectATamperedNameID() throws {
        let files = try signedFiles()
        let tampered = try tamper(files.preview, into: files.directory.url)
        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: tampered, metadata: files.metadata, settings: SAMLFixture.settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertFalse(check.result.succeeded, output)
            XCTAssertEqual(check.json["ok"] as? Bool, false, output)
            // Rejected for the signature, not for some unrelated reason.
            XCTAssertTrue((check.json["error"] as? String)?.contains(library.badSignatureError) == true, output)
        }
    }

    func test_serviceProvidersRequireTheResponseSignature() throws {
        let files = try signedFiles()
        let xml = files.preview.xml
        // The first ds:Signature is the Response's (right after its Issuer); the Assertion's stays intact.
        let start = try XCTUnwrap(xml.range(of: "<ds:Signature "))
        let end = try XCTUnwrap(xml.range(of: "</ds:Signature>", range: start.upperBound..<xml.endIndex))
        XCTAssertTrue(xml[end.upperBound...].hasPrefix("<samlp:Status>"))
        let unsigned = files.directory.url.appendingPathComponent("unsigned-response.xml")
        try Data((String(xml[..<start.lowerBound]) + String(xml[end.upperBound...])).utf8).write(to: unsigned)
        // The assertion's own signature is still good, so a rejection means the Response's was required.
        let assertion = try SAMLFixture.xmlsecVerify(response: unsigned, certificate: files.certificate, nodeID: files.preview.assertionID)
        XCTAssertTrue(assertion.succeeded, assertion.stderr)
        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: unsigned, metadata: files.metadata, settings: SAMLFixture.settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertEqual(check.json["ok"] as? Bool, false, output)
            XCTAssertTrue((check.json["error"] as? String)?.contains(library.unsignedResponseError) == true, output)
        }
    }

    func test_serviceProvidersRejectAResponseForAnotherAudience() throws {
        let files = try signedFiles()
        var elsewhere = SAMLFixture.settings
        elsewhere.audience = "https://other.example.com/saml/metadata"
        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: files.response, metadata: files.metadata, settings: elsewhere)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertEqual(check.json["ok"] as? Bool, false, output)
            XCTAssertTrue((check.json["error"] as? String)?.lowercased().contains("audience") == true, output)
        }
    }

    /// Every character that canonical XML escapes, in text and in attributes, signed and then checked by
    /// libxml2's own canonicalization (xmlsec1) and by both SP libraries: proves the bytes written are the canonical ones.
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

        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: files.response, metadata: files.metadata, settings: settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertEqual(check.json["ok"] as? Bool, true, output)
            XCTAssertEqual(check.json["nameID"] as? String, "o'brien+&<x>@example.com", output)
            let attributes = try XCTUnwrap(check.json["attributes"] as? [String: Any], output)
            // XML parsers turn a literal CR LF into LF; the CR survives only as &#xD;, which is what was written.
            // python3-saml strips each value it hands to the app (its own choice); pysaml2 gives it as sent.
            let padded = library == .python3SAML ? "padded" : "  padded  "
            XCTAssertEqual(
                attributes["note & \"quote\" <tag>"] as? [String],
                ["line one\r\nline two\ttabbed", "]]> & emoji 🦊 and 李小龙", padded],
                output
            )
            XCTAssertEqual(attributes["tab\there\nnewline"] as? [String], ["x"], output)
        }
    }
}
