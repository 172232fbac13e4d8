import Foundation
import SAML
import XCTest

/// The Response and the IdP metadata against the OASIS SAML 2.0 schemas (element order, required
/// attributes, types such as xs:ID and xs:dateTime), checked by xmlschema with pysaml2's copies of them.
final class SchemaValidationTests: XCTestCase {
    func test_responseAndMetadataAreSchemaValid() throws {
        let preview = try SAMLFixture.builder().preview(settings: SAMLFixture.settings, subject: SAMLFixture.subject)
        let directory = try TestDirectory()
        let files = try SAMLFixture.writeFiles(preview: preview, into: directory.url)
        for document in [files.response, files.metadata] {
            let check = try SAMLFixture.schemaCheck(document)
            XCTAssertEqual(check.json["ok"] as? Bool, true, "\(document.lastPathComponent): " + check.result.stdout + check.result.stderr)
        }
    }

    /// The control: the same Response with its Status moved after the Assertion breaks the schema's
    /// sequence, so a pass above means the validator really looked.
    func test_statusOutOfPlaceIsSchemaInvalid() throws {
        let preview = try SAMLFixture.builder().preview(settings: SAMLFixture.settings, subject: SAMLFixture.subject)
        let status = "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"></samlp:StatusCode></samlp:Status>"
        XCTAssertTrue(preview.xml.contains(status))
        let moved = preview.xml.replacingOccurrences(of: status, with: "")
            .replacingOccurrences(of: "</samlp:Response>", with: status + "</samlp:Response>")
        let directory = try TestDirectory()
        let file = directory.url.appendingPathComponent("moved-status.xml")
        try Data(moved.utf8).write(to: file)
        let check = try SAMLFixture.schemaCheck(file)
        XCTAssertEqual(check.json["ok"] as? Bool, false, check.result.stdout + check.result.stderr)
    }
}
