import Foundation
import TestSupport
import XCTest

/// The guide's steps 1.7–1.11 in the real `scimdeck` binary, in tmux: Sign On → Edit, the ACS URL refused
/// over plain http then fixed, Save; Preview SAML for a person picked by a non-ASCII search, the files
/// written; then the CLI sees the settings, and xmlsec1 verifies the written Response against the
/// certificate `saml cert` exports.
final class SignOnTmuxTests: ConsoleEndToEndCase {
    private let label = "Axiad Cloud (sso)"
    private let acs = "https://access.example.com/realms/master/broker/okta/endpoint"
    private let audience = "https://access.example.com/realms/master/"

    func test_editSignOnThenPreviewSAMLWritesAResponseXmlsec1Verifies() throws {
        guard let xmlsec1 = TmuxSession.which("xmlsec1") else { throw XCTSkip("xmlsec1 is not installed (scripts/setup.sh)") }
        let store = directory.appendingPathComponent("store.sqlite").path
        _ = try cli(["app", "add", "--store", store, "--catalog", "Axiad Cloud", "--label", label])
        _ = try cli(["directory", "add", "person", "--store", store, "jose.nunez@corp.example", "--first-name", "José",
                     "--last-name", "Núñez", "--email", "jose.nunez@corp.example"])
        let out = directory.appendingPathComponent("preview").path

        let tmux = try TmuxSession(command: try consoleCommand(store: store), columns: 100, rows: 30)
        try tmux.waitFor("the app in the list") { $0.contains("▸ \(label)") }
        try tmux.keys("Enter")
        try tmux.waitFor("the app's tabs") { $0.contains("General │ Sign On │ Provisioning") }
        try tmux.keys("2")
        try tmux.waitFor("the Sign On read view") { $0.contains("SAML 2.0") && $0.contains("[e] Edit") && $0.contains("— (required: press e)") }
        try tmux.keys("e")
        try tmux.waitFor("the form") { $0.contains("Ctrl-S save · Esc cancel") }
        try tmux.keys("Tab")
        try tmux.type("http://access.example.com/acs")
        try tmux.waitFor("the reason beside the ACS URL") { $0.contains("✗ must use https") }
        try tmux.keys("C-u")
        try tmux.type(acs)
        try tmux.keys("Tab")
        try tmux.type(audience)
        try tmux.keys("Tab", "Right", "Tab", "Right")
        try tmux.waitFor("EmailAddress and Email chosen") { $0.contains("◉ EmailAddress") && $0.contains("◉ Email ") }
        try tmux.keys("C-s")
        try tmux.waitFor("the settings saved") { $0.contains("Saved.") && $0.contains("[e] Edit") }

        try tmux.keys("p")
        try tmux.waitFor("the person picker") { $0.contains("Preview SAML for…") }
        try tmux.type("núñez")
        try tmux.waitFor("José in the picker") { $0.contains("José Núñez  jose.nunez@corp.example") }
        try tmux.keys("Enter")
        let preview = try tmux.waitFor("the signed preview", timeout: .seconds(20)) {
            $0.contains("Preview SAML · jose.nunez@corp.example") && $0.contains("Name ID                jose.nunez@corp.example  (EmailAddress)")
        }
        XCTAssertTrue(preview.contains("Posted to (ACS URL)    \(acs)"), preview)
        try tmux.keys("w")
        try tmux.waitFor("the directory field") { $0.contains("Write the files into:") }
        try tmux.keys("C-u")
        try tmux.type(out)
        try tmux.keys("Enter")
        try tmux.waitFor("the files written") { $0.contains("Wrote ") }
        try tmux.keys("Escape")
        try tmux.waitFor("the read view again") { $0.contains("[e] Edit") && $0.contains("SHA-256") }
        try tmux.keys("q")
        try tmux.waitFor("the list") { $0.contains("▸ \(label)") }
        try tmux.keys("q")
        try tmux.waitFor("the exit status") { $0.contains("EXITED 0") }

        let shown = try cli(["app", "show", "--store", store, "--app", label, "--json"])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let signOn = try XCTUnwrap(json["signOn"] as? [String: Any], shown.stdout)
        XCTAssertEqual(signOn["acsURL"] as? String, acs)
        XCTAssertEqual(signOn["audienceURI"] as? String, audience)
        XCTAssertEqual(signOn["nameIDFormat"] as? String, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
        XCTAssertEqual(signOn["applicationUsername"] as? String, "user.email")

        for name in ["saml-response.xml", "idp-metadata.xml", "saml-post.html"] {
            let mode = try FileManager.default.attributesOfItem(atPath: out + "/" + name)[.posixPermissions] as? NSNumber
            XCTAssertEqual(mode?.intValue, 0o600, name)
        }
        let certificate = directory.appendingPathComponent("cert.pem").path
        _ = try cli(["saml", "cert", "--store", store, "--app", label, "--pem", "--output", certificate])
        let verify = Process()
        verify.executableURL = URL(fileURLWithPath: xmlsec1)
        verify.arguments = ["--verify", "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:protocol:Response",
                            "--trusted-pem", certificate, out + "/saml-response.xml"]
        let errors = Pipe()
        verify.standardError = errors
        verify.standardOutput = FileHandle.nullDevice
        try verify.run()
        verify.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(verify.terminationStatus, 0, "xmlsec1 refused the console's Response: \(said)")
        XCTAssertTrue(said.contains("OK"), said)
    }
}
