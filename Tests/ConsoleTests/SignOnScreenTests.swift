import Foundation
import Provisioning
import Store
import Terminal
import TestSupport
import ViewModels
import XCTest

/// The Sign On tab at 80×24, stepped: the read view, Edit with the reason beside a wrong
/// field, Save into the store, the unsaved-changes prompt, Preview SAML with its files, and a new certificate.
final class SignOnScreenTests: XCTestCase {
    private let acs = "https://access.example.com/realms/master/broker/okta/endpoint"
    private let audience = "https://access.example.com/realms/master/"

    private func workspace(configured: Bool = false) throws -> (Workspace, Int64) {
        let workspace = try ConsoleHarness.emptyWorkspace()
        XCTAssertTrue(DirectoryListing.importFile(at: DirectoryScreenTests.sample, in: workspace).ok)
        let app = try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud (prod)", provisioning: ProvisioningSettings(appId: 0), in: workspace.store)
        let appID = try XCTUnwrap(app.id)
        if configured {
            try SignOnService(store: workspace.store).save(
                SignOnConfiguration(acsURL: acs, audienceURI: audience, nameIDFormat: .emailAddress, applicationUsername: .email), appID: appID)
        }
        return (workspace, appID)
    }

    private func stored(_ workspace: Workspace, _ appID: Int64) throws -> SignOnConfiguration {
        try SignOnService(store: workspace.store).configuration(appID: appID)
    }

    /// Opens the app and its Sign On tab, waiting for the settings to load.
    private let openSignOnSteps: [ConsoleHarness.Step] = [.input(key(.enter)), .input(typed("2")), .waitFor("[e] Edit")]

    func test_theReadViewShowsTheStoredSettingsWithEditAndPreview() throws {
        let (workspace, _) = try workspace(configured: true)
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openSignOnSteps)
        let lines = terminal.trimmedLines
        XCTAssertTrue(lines.contains { $0.hasPrefix("│ SAML 2.0") && $0.hasSuffix("[e] Edit │") }, terminal.text)
        XCTAssertTrue(lines.contains("│  ACS URL                https://access.example.com/realms/master/broker/okta/e… │")
                      || lines.contains { $0.contains("ACS URL") && $0.contains("https://access.example.com/realms/master/broker") }, terminal.text)
        XCTAssertTrue(terminal.text.contains("Name ID format         EmailAddress"), terminal.text)
        XCTAssertTrue(terminal.text.contains("Application username   Email  user.email"), terminal.text)
        XCTAssertTrue(terminal.text.contains("[p] Preview SAML"), terminal.text)
        XCTAssertTrue(lines[23].contains("e Edit") && lines[23].contains("p Preview SAML"), lines[23])
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    func test_editShowsTheReasonBesideAWrongFieldAndSaveWritesOnlyValidSettings() throws {
        let (workspace, appID) = try workspace()
        let harness = ConsoleHarness(workspace: workspace)
        let refused = try harness.run(steps: openSignOnSteps + inputs([typed("e"), key(.tab), typed("http://sso.example.com/acs"), key(.control("s"))]))
        XCTAssertTrue(refused.text.contains("✗ must use https"), refused.text)
        XCTAssertTrue(refused.text.contains("✗ Fix ACS URL and Audience URI before saving."), refused.text)
        XCTAssertEqual(try stored(workspace, appID).acsURL, "", "nothing is stored while a field is wrong")

        let saved = try harness.run(steps: openSignOnSteps + [
            .input(typed("e")), .input(key(.tab)), .input(typed(acs)), .input(key(.tab)), .input(typed(audience)),
            .input(key(.tab)), .input(key(.right)), // Name ID format: Unspecified → EmailAddress
            .input(key(.tab)), .input(key(.right)), // Application username: Okta username → Email
            .input(key(.control("s"))), .waitFor("Saved."),
        ])
        XCTAssertTrue(saved.text.contains("Saved."), saved.text)
        XCTAssertTrue(saved.text.contains("[e] Edit"), "back on the read view:\n\(saved.text)")
        XCTAssertEqual(try stored(workspace, appID), SignOnConfiguration(acsURL: acs, audienceURI: audience, nameIDFormat: .emailAddress, applicationUsername: .email))
    }

    func test_aCustomApplicationUsernameMustParse() throws {
        let (workspace, appID) = try workspace(configured: true)
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openSignOnSteps + inputs([
            typed("e"), key(.tab), key(.tab), key(.tab), key(.tab),
            key(.left), // Email → Okta username … no: step back to Okta username
            key(.left), // → Custom (wraps)
            key(.tab), key(.control("u")), typed("String.toLowerCase(user.email"), key(.control("s")),
        ]))
        XCTAssertTrue(terminal.text.contains("expression"), terminal.text)
        XCTAssertTrue(terminal.text.contains("✗ Fix Application username before saving."), terminal.text)
        XCTAssertEqual(try stored(workspace, appID).applicationUsername, .email)
    }

    func test_escWithUnsavedChangesAsksAndEachAnswerDoesWhatItSays() throws {
        let (workspace, appID) = try workspace(configured: true)
        let harness = ConsoleHarness(workspace: workspace)
        let edit = openSignOnSteps + inputs([typed("e"), typed("https://relay.example.com/"), key(.escape)])
        let asked = try harness.run(steps: edit)
        XCTAssertTrue(asked.text.contains("┌ Unsaved changes"), asked.text)
        XCTAssertTrue(asked.text.contains("[ Keep editing ]  [ Discard changes ]"), asked.text)

        let kept = try harness.run(steps: edit + inputs([key(.enter)]))
        XCTAssertTrue(kept.text.contains("https://relay.example.com/"), "Keep editing keeps the typed text:\n\(kept.text)")
        XCTAssertTrue(kept.text.contains("Ctrl-S save"), "still editing:\n\(kept.text)")

        let discarded = try harness.run(steps: edit + inputs([key(.right), key(.enter)]))
        XCTAssertFalse(discarded.text.contains("relay.example.com"), discarded.text)
        XCTAssertTrue(discarded.text.contains("[e] Edit"), "back on the read view of the same tab:\n\(discarded.text)")
        XCTAssertEqual(try stored(workspace, appID).defaultRelayState, "")

        let palette = try harness.run(steps: openSignOnSteps + inputs([typed("e"), key(.tab), key(.tab), key(.tab), typed(":")]))
        XCTAssertFalse(palette.text.contains("apps, directory, catalog, quit"), "`:` on the form is not the palette")
    }

    func test_clickingAnotherTabWithUnsavedChangesAsksThenGoesThereOnDiscard() throws {
        let (workspace, appID) = try workspace(configured: true)
        let click = InputEvent.mouse(MouseEvent(kind: .leftPress, position: Point(x: 25, y: 1)))  // "Provisioning"
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openSignOnSteps + inputs([
            typed("e"), typed("https://relay.example.com/"), [click],
        ]) + [.waitFor("┌ Unsaved changes"), .input(key(.right)), .input(key(.enter))])
        XCTAssertFalse(terminal.text.contains("SAML 2.0"), "left the Sign On tab:\n\(terminal.text)")
        XCTAssertEqual(try stored(workspace, appID).defaultRelayState, "")
    }

    func test_previewSAMLForAPickedPersonShowsTheNameIDAndWritesPrivateFiles() throws {
        let (workspace, _) = try workspace(configured: true)
        let directory = try TemporaryDirectory()
        let out = directory.path + "/preview"
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openSignOnSteps + [
            .input(typed("p")), .input([.paste("núñez")]), .waitFor("José Núñez"), .input(key(.enter)), .waitFor("Name ID "),
            .input(typed("w")), .input(key(.control("u"))), .input(typed(out)), .input(key(.enter)), .waitFor("Wrote /"),
        ])
        XCTAssertTrue(terminal.text.contains("Preview SAML · jose.nunez@example.com"), terminal.text)
        XCTAssertTrue(terminal.text.contains("Name ID                jose.nunez@example.com  (EmailAddress)"), terminal.text)
        XCTAssertTrue(terminal.text.contains("Posted to (ACS URL)"), terminal.text)
        XCTAssertFalse(terminal.text.contains("<ds:SignedInfo>"), "the excerpt leaves the signature's own elements out")
        for name in ["saml-response.xml", "idp-metadata.xml", "saml-post.html"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + name)
            XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, name)
        }
        let folder = try FileManager.default.attributesOfItem(atPath: out)
        XCTAssertEqual((folder[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        let response = try String(contentsOfFile: out + "/saml-response.xml", encoding: .utf8)
        XCTAssertTrue(response.contains(">jose.nunez@example.com</saml:NameID>"), response)
        XCTAssertTrue(terminal.text.contains("Written                saml-response.xml") || terminal.text.contains(out), terminal.text)
    }

    func test_enterRightAfterTypingPreviewsThePersonTheSearchThenFinds() throws {
        let (workspace, _) = try workspace(configured: true)
        // The search and ⏎ in one read: ⏎ meets a list that still answers the empty search.
        let terminal = try ConsoleHarness(workspace: workspace).run(steps: openSignOnSteps + [
            .input(typed("p")), .waitFor("Amélie"), .input([.paste("xiaolong"), .key(.enter)]), .waitFor("Preview SAML · "),
        ])
        XCTAssertTrue(terminal.text.contains("Preview SAML · xiaolong.li@example.com"), terminal.text)
    }

    func test_generatingANewCertificateAsksFirstAndThenReplacesIt() throws {
        let (workspace, appID) = try workspace(configured: true)
        let signingKey = try SignOnService(store: workspace.store).signingKey(appID: appID)
        _ = try signingKey.credentialGeneratingIfMissing()
        let before = try XCTUnwrap(try signingKey.certificate()).fingerprintSHA256
        let harness = ConsoleHarness(workspace: workspace)

        let asked = try harness.run(steps: openSignOnSteps + [.input(typed("g"))])
        XCTAssertTrue(asked.text.contains("┌ Generate new certificate"), asked.text)
        try harness.run(steps: openSignOnSteps + [.input(typed("g")), .input(key(.escape))])
        XCTAssertEqual(try XCTUnwrap(try signingKey.certificate()).fingerprintSHA256, before, "Esc keeps the certificate")

        let rotated = try harness.run(steps: openSignOnSteps + [.input(typed("g")), .input(key(.right)), .input(key(.enter)), .waitFor("New signing certificate")])
        let after = try XCTUnwrap(try signingKey.certificate()).fingerprintSHA256
        XCTAssertNotEqual(after, before)
        XCTAssertTrue(rotated.text.contains("New signing certificate"), rotated.text)
        XCTAssertTrue(rotated.text.contains(String(after.prefix(20))), "the read view shows the new fingerprint:\n\(rotated.text)")
    }
}

/// Input reads as harness steps.
func inputs(_ reads: [[InputEvent]]) -> [ConsoleHarness.Step] { reads.map { .input($0) } }

/// A directory removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = try TestEnvironment.makeTemporaryDirectory("scimdeck-console").path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
