import Foundation
import SAML
import TestSupport
import XCTest

/// The built binary: `saml keygen`, `saml metadata`, `saml preview`, checked by xmlsec1, pysaml2 and python3-saml.
final class SAMLCommandTests: XCTestCase {
    private func scimdeck(_ arguments: [String]) throws -> ExternalTool.Result {
        let binary = TestEnvironment.scimdeckBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ExternalToolError.missing("no scimdeck binary at \(binary.path): run swift build first")
        }
        return try ExternalTool.run(binary, arguments)
    }

    func test_keygenMetadataAndPreviewProduceWhatRealCheckersAccept() throws {
        let directory = try TestDirectory()
        let dir = directory.url
        let keys = dir.appendingPathComponent("keys")
        let keygen = try scimdeck(["saml", "keygen", "-o", keys.path, "--common-name", "Axiad Cloud"])
        XCTAssertTrue(keygen.succeeded, keygen.stderr)
        XCTAssertTrue(keygen.stdout.contains("SHA-256 fingerprint: "), keygen.stdout)
        XCTAssertFalse(keygen.stdout.contains("PRIVATE KEY"), "the key must never be printed")
        let keyPath = keys.appendingPathComponent("signing-key.pem").path
        let certificatePath = keys.appendingPathComponent("signing-cert.pem").path
        let permissions = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? NSNumber
        XCTAssertEqual(permissions?.intValue, 0o600)

        let again = try scimdeck(["saml", "keygen", "-o", keys.path])
        XCTAssertFalse(again.succeeded, "keygen must not overwrite a key without --force")

        let metadata = dir.appendingPathComponent("idp-metadata.xml")
        let metadataRun = try scimdeck([
            "saml", "metadata", "--entity-id", SAMLFixture.identityProvider.entityID,
            "--sso-url", SAMLFixture.identityProvider.ssoURL, "--cert", certificatePath, "-o", metadata.path,
        ])
        XCTAssertTrue(metadataRun.succeeded, metadataRun.stderr)

        let settings = dir.appendingPathComponent("settings.json")
        try Data("""
        {"acsURL": "\(SAMLFixture.settings.acsURL)", "audience": "\(SAMLFixture.settings.audience)",
         "nameIDFormat": "emailAddress", "defaultRelayState": "/dashboard",
         "issuer": "\(SAMLFixture.identityProvider.entityID)"}
        """.utf8).write(to: settings)
        let person = dir.appendingPathComponent("person.json")
        try Data("""
        {"nameID": "bo.ek@example.com", "attributes": [{"name": "email", "nameFormat": "basic", "values": ["bo.ek@example.com"]}]}
        """.utf8).write(to: person)
        let response = dir.appendingPathComponent("response.xml")
        let page = dir.appendingPathComponent("post.html")
        let previewRun = try scimdeck([
            "saml", "preview", "--settings", settings.path, "--person", person.path,
            "--key", keyPath, "--cert", certificatePath, "-o", response.path, "--html", page.path,
        ])
        XCTAssertTrue(previewRun.succeeded, previewRun.stderr)
        XCTAssertTrue(previewRun.stdout.contains("RelayState: /dashboard"), previewRun.stdout)
        XCTAssertTrue(previewRun.stdout.contains("SAMLResponse: PHNhbWxwOlJlc3BvbnNl"), previewRun.stdout)

        let responseText = try String(contentsOf: response, encoding: .utf8)
        // The page posts exactly the Response written to the file, with the Relay State, to the ACS URL.
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("action=\"\(SAMLFixture.settings.acsURL)\""), html)
        XCTAssertTrue(html.contains("name=\"SAMLResponse\" value=\"\(Data(responseText.utf8).base64EncodedString())\""), html)
        XCTAssertTrue(html.contains("name=\"RelayState\" value=\"/dashboard\""), html)
        let assertionID = try XCTUnwrap(Self.assertionID(in: responseText))
        let certificate = URL(fileURLWithPath: certificatePath)
        let responseCheck = try SAMLFixture.xmlsecVerify(response: response, certificate: certificate, nodeID: nil)
        XCTAssertTrue(responseCheck.succeeded, responseCheck.stderr)
        let assertionCheck = try SAMLFixture.xmlsecVerify(response: response, certificate: certificate, nodeID: assertionID)
        XCTAssertTrue(assertionCheck.succeeded, assertionCheck.stderr)

        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: response, metadata: metadata, settings: SAMLFixture.settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertTrue(check.result.succeeded, output)
            XCTAssertEqual(check.json["nameID"] as? String, "bo.ek@example.com", output)
            XCTAssertEqual(check.json["attributes"] as? [String: [String]], ["email": ["bo.ek@example.com"]], output)
        }
    }

    func test_keygenForceRotatesTheKeyAndKeepsItOwnerOnly() throws {
        let directory = try TestDirectory()
        let keys = directory.url.appendingPathComponent("keys")
        let keyPath = keys.appendingPathComponent("signing-key.pem").path
        let certificatePath = keys.appendingPathComponent("signing-cert.pem").path
        let first = try scimdeck(["saml", "keygen", "-o", keys.path, "--common-name", "Axiad Cloud", "--validity-years", "2"])
        XCTAssertTrue(first.succeeded, first.stderr)
        let oldKey = try String(contentsOfFile: keyPath, encoding: .utf8)
        let old = try SigningCredential(privateKeyPEM: oldKey, certificatePEM: try String(contentsOfFile: certificatePath, encoding: .utf8))
        XCTAssertEqual(old.certificate.notValidAfter.timeIntervalSince(old.certificate.notValidBefore), 2 * 365.25 * 86400 + 60, accuracy: 5)

        // A key file left readable by others (copied in by hand, say) must not pass that mode on to the new key.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
        let rotation = try scimdeck(["saml", "keygen", "-o", keys.path, "--common-name", "Axiad Cloud", "--force"])
        XCTAssertTrue(rotation.succeeded, rotation.stderr)
        let permissions = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? NSNumber
        XCTAssertEqual(permissions?.intValue, 0o600)
        let newKey = try String(contentsOfFile: keyPath, encoding: .utf8)
        XCTAssertNotEqual(newKey, oldKey)
        let new = try SigningCredential(privateKeyPEM: newKey, certificatePEM: try String(contentsOfFile: certificatePath, encoding: .utf8))
        XCTAssertNotEqual(try new.fingerprintSHA256, try old.fingerprintSHA256)
        XCTAssertTrue(rotation.stdout.contains(try new.fingerprintSHA256), rotation.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: keys.path).sorted(), ["signing-cert.pem", "signing-key.pem"])

        // `saml cert` shows the same certificate again, and exports it, without the key.
        let shown = try scimdeck(["saml", "cert", "--cert", certificatePath])
        XCTAssertTrue(shown.succeeded, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("CN: Axiad Cloud\n"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("SHA-256 fingerprint: \(try new.fingerprintSHA256)"), shown.stdout)
        let exported = try scimdeck(["saml", "cert", "--cert", certificatePath, "--pem"])
        XCTAssertEqual(exported.stdout, try new.certificatePEM.hasSuffix("\n") ? try new.certificatePEM : try new.certificatePEM + "\n")
    }

    /// The ID attribute of the saml:Assertion start tag.
    private static func assertionID(in xml: String) -> String? {
        guard let start = xml.range(of: "<saml:Assertion ") else { return nil }
        let rest = xml[start.upperBound...]
        guard let tagEnd = rest.firstIndex(of: ">"), let idStart = rest[..<tagEnd].range(of: " ID=\"") else { return nil }
        let value = rest[idStart.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }

    func test_previewWithoutACSURLSaysWhatToFix() throws {
        let directory = try TestDirectory()
        let dir = directory.url
        let keys = dir.appendingPathComponent("keys")
        XCTAssertTrue(try scimdeck(["saml", "keygen", "-o", keys.path]).succeeded)
        let settings = dir.appendingPathComponent("settings.json")
        try Data(#"{"audience": "aud", "issuer": "http://idp"}"#.utf8).write(to: settings)
        let person = dir.appendingPathComponent("person.json")
        try Data(#"{"nameID": "a@example.com"}"#.utf8).write(to: person)
        let run = try scimdeck([
            "saml", "preview", "--settings", settings.path, "--person", person.path,
            "--key", keys.appendingPathComponent("signing-key.pem").path,
            "--cert", keys.appendingPathComponent("signing-cert.pem").path,
        ])
        XCTAssertFalse(run.succeeded)
        XCTAssertTrue(run.stderr.contains("ACS URL"), run.stderr)
        XCTAssertFalse(run.stderr.contains("readable by others"), run.stderr)
    }

    func test_previewWarnsWhenTheKeyIsReadableByOthers() throws {
        let directory = try TestDirectory()
        let dir = directory.url
        let keys = dir.appendingPathComponent("keys")
        XCTAssertTrue(try scimdeck(["saml", "keygen", "-o", keys.path]).succeeded)
        let keyPath = keys.appendingPathComponent("signing-key.pem").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
        let settings = dir.appendingPathComponent("settings.json")
        try Data(#"{"acsURL": "https://a.example.com/acs", "audience": "aud", "issuer": "http://idp"}"#.utf8).write(to: settings)
        let person = dir.appendingPathComponent("person.json")
        try Data(#"{"nameID": "a@example.com"}"#.utf8).write(to: person)
        let run = try scimdeck([
            "saml", "preview", "--settings", settings.path, "--person", person.path,
            "--key", keyPath, "--cert", keys.appendingPathComponent("signing-cert.pem").path,
        ])
        XCTAssertTrue(run.succeeded, run.stderr)
        XCTAssertTrue(run.stderr.contains("readable by others (mode 644)"), run.stderr)
        XCTAssertFalse(run.stderr.contains("PRIVATE KEY") || run.stdout.contains("PRIVATE KEY"))
        XCTAssertTrue(run.stdout.hasPrefix("<samlp:Response "), run.stdout)
    }
}
