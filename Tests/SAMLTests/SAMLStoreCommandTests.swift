import Foundation
import TestSupport
import XCTest

/// The built binary end to end on a store: `app add`, `app set`, `directory add person`, then `saml metadata`,
/// `saml cert`, `saml preview` and `saml keygen --rotate` for the app, the files checked by xmlsec1 and the SP libraries.
final class SAMLStoreCommandTests: XCTestCase {
    private var storePath = ""

    private func scimdeck(_ arguments: [String]) throws -> ExternalTool.Result {
        let binary = TestEnvironment.scimdeckBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw ExternalToolError.missing("no scimdeck binary at \(binary.path): run swift build first")
        }
        let result = try ExternalTool.run(binary, arguments + ["--store", storePath])
        XCTAssertFalse(result.stdout.contains("PRIVATE KEY") || result.stderr.contains("PRIVATE KEY"), "the key must never be printed")
        return result
    }

    private func mode(_ url: URL) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue
    }

    private func fingerprint(in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("SHA-256 fingerprint: ") }.map { String($0.dropFirst("SHA-256 fingerprint: ".count)) }
    }

    func test_metadataAndPreviewForAnAppAndADirectoryPersonFromTheStore() throws {
        let directory = try TestDirectory()
        let dir = directory.url
        storePath = dir.appendingPathComponent("scimdeck.sqlite").path
        let acs = SAMLFixture.settings.acsURL, audience = SAMLFixture.settings.audience
        for arguments in [
            ["app", "add", "--catalog", "Axiad Cloud"],
            ["app", "set", "--app", "Axiad Cloud", "--acs-url", acs, "--audience", audience, "--name-id-format", "emailAddress",
             "--application-username", "user.email", "--relay-state", "https://axiad.example.com/home"],
            ["directory", "add", "person", "josé.núñez", "--first-name", "José", "--last-name", "Núñez", "--email", "jose.nunez@example.com"],
        ] {
            let run = try scimdeck(arguments)
            XCTAssertTrue(run.succeeded, "\(arguments): \(run.stderr)")
        }

        let badUsername = try scimdeck(["app", "set", "--app", "Axiad Cloud", "--application-username", "String.toLowerCase(user.email"])
        XCTAssertFalse(badUsername.succeeded)
        XCTAssertTrue(badUsername.stderr.contains("Application username does not parse"), badUsername.stderr)

        let noKey = try scimdeck(["saml", "cert", "--app", "Axiad Cloud"])
        XCTAssertFalse(noKey.succeeded)
        XCTAssertTrue(noKey.stderr.contains("saml keygen"), noKey.stderr)

        let metadata = dir.appendingPathComponent("idp-metadata.xml")
        let metadataRun = try scimdeck(["saml", "metadata", "--app", "axiad cloud", "-o", metadata.path])
        XCTAssertTrue(metadataRun.succeeded, metadataRun.stderr)
        XCTAssertEqual(try mode(metadata), 0o600)

        let certificate = dir.appendingPathComponent("cert.pem")
        XCTAssertTrue(try scimdeck(["saml", "cert", "--app", "Axiad Cloud", "--pem", "-o", certificate.path]).succeeded)
        let shown = try scimdeck(["saml", "cert", "--app", "Axiad Cloud"])
        XCTAssertTrue(shown.stdout.contains("CN: Axiad Cloud\n"), shown.stdout)
        let firstFingerprint = try XCTUnwrap(fingerprint(in: shown.stdout))

        let response = dir.appendingPathComponent("response.xml")
        let page = dir.appendingPathComponent("post.html")
        let preview = try scimdeck([
            "saml", "preview", "--app", "Axiad Cloud", "--person", "JOSÉ.NÚÑEZ", "--attribute", "firstName=user.firstName",
            "-o", response.path, "--html", page.path,
        ])
        XCTAssertTrue(preview.succeeded, preview.stderr)
        XCTAssertTrue(preview.stdout.contains("RelayState: https://axiad.example.com/home"), preview.stdout)
        XCTAssertEqual(try mode(response), 0o600)
        XCTAssertEqual(try mode(page), 0o600)
        let xml = try String(contentsOf: response, encoding: .utf8)
        XCTAssertTrue(xml.contains(">jose.nunez@example.com</saml:NameID>"), xml)

        let assertionID = try XCTUnwrap(StoreSignOnPreviewTests.attribute("ID", of: "<saml:Assertion ", in: xml))
        for nodeID in [nil, assertionID] {
            let check = try SAMLFixture.xmlsecVerify(response: response, certificate: certificate, nodeID: nodeID)
            XCTAssertTrue(check.succeeded, "\(nodeID ?? "Response"): \(check.stderr)")
        }
        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: response, metadata: metadata, settings: SAMLFixture.settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertTrue(check.result.succeeded, output)
            XCTAssertEqual(check.json["nameID"] as? String, "jose.nunez@example.com", output)
            XCTAssertEqual(check.json["attributes"] as? [String: [String]], ["firstName": ["José"]], output)
        }

        let unknown = try scimdeck(["saml", "preview", "--app", "Axiad Cloud", "--person", "nobody"])
        XCTAssertFalse(unknown.succeeded)
        XCTAssertTrue(unknown.stderr.contains("no person \"nobody\""), unknown.stderr)

        // keygen keeps an existing key unless asked to rotate; rotation changes the fingerprint and the metadata.
        let keep = try scimdeck(["saml", "keygen", "--app", "Axiad Cloud"])
        XCTAssertTrue(keep.stdout.contains("already has a signing key"), keep.stdout)
        XCTAssertEqual(fingerprint(in: keep.stdout), firstFingerprint)
        let rotation = try scimdeck(["saml", "keygen", "--app", "Axiad Cloud", "--rotate"])
        XCTAssertTrue(rotation.succeeded, rotation.stderr)
        let rotatedFingerprint = try XCTUnwrap(fingerprint(in: rotation.stdout))
        XCTAssertNotEqual(rotatedFingerprint, firstFingerprint)
        XCTAssertEqual(fingerprint(in: try scimdeck(["saml", "cert", "--app", "Axiad Cloud"]).stdout), rotatedFingerprint)
        let check = try SAMLFixture.xmlsecVerify(response: response, certificate: certificate, nodeID: nil)
        XCTAssertTrue(check.succeeded, "the old Response still verifies with the old certificate")
        let newCertificate = dir.appendingPathComponent("new-cert.pem")
        XCTAssertTrue(try scimdeck(["saml", "cert", "--app", "Axiad Cloud", "--pem", "-o", newCertificate.path]).succeeded)
        XCTAssertFalse(try SAMLFixture.xmlsecVerify(response: response, certificate: newCertificate, nodeID: nil).succeeded,
                       "and not with the new one")

        // A CN and lifetime given on rotation are kept by the next rotation.
        XCTAssertTrue(try scimdeck(["saml", "keygen", "--app", "Axiad Cloud", "--rotate", "--common-name", "Axiad Cloud (demo)", "--validity-years", "2"]).succeeded)
        let again = try scimdeck(["saml", "keygen", "--app", "Axiad Cloud", "--rotate"])
        XCTAssertTrue(again.stdout.contains("CN: Axiad Cloud (demo)\n"), again.stdout)
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        XCTAssertTrue(again.stdout.contains("valid until: \(year + 2)-"), again.stdout)
    }
}
