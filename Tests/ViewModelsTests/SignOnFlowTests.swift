import Foundation
import Provisioning
import Store
import TestSupport
import ViewModels
import XCTest

/// The Sign On tab driven through its effect runner against a real (in-memory) store: what the Console will do.
final class SignOnFlowTests: XCTestCase {
    private var store: ScimdeckStore!
    private var runner: SignOnEffectRunner!
    private var appID: Int64 = 0

    override func setUpWithError() throws {
        store = try ScimdeckStore()
        let app = try store.apps.add(
            AppIntegration(catalogEntry: "axiad-cloud", label: "Axiad Cloud"),
            signOn: Store.SignOnSettings(appId: 0), provisioning: ProvisioningSettings(appId: 0), mappings: []
        )
        appID = try XCTUnwrap(app.id)
        try store.directory.addPerson(Person(login: "jose.nunez@example.com", firstName: "José", lastName: "Núñez", email: "jose.nunez@example.com"))
        runner = SignOnEffectRunner(service: SignOnService(store: store))
    }

    private func openTab() -> SignOnTab {
        var tab = SignOnTab(appID: appID)
        runner.send(.open, to: &tab)
        return tab
    }

    func test_aNewAppReadsAsOktaUsernameAndEmptyURLs() {
        let tab = openTab()
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.saved, SignOnConfiguration())
        XCTAssertNil(tab.certificate, "opening the tab must not make a signing key")
    }

    func test_editSaveStoresTheSettingsAndAReopenedTabShowsThem() throws {
        var tab = openTab()
        for intent: SignOnIntent in [
            .edit,
            .setText(.defaultRelayState, "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/"),
            .setText(.acsURL, "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/broker/okta/endpoint"),
            .setText(.audienceURI, "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/"),
            .chooseNameIDFormat(.emailAddress),
            .chooseApplicationUsername(.email),
        ] {
            XCTAssertEqual(runner.send(intent, to: &tab), [])
        }
        runner.send(.save, to: &tab)
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.status, .info("Saved."))

        let row = try XCTUnwrap(store.records(Store.SignOnSettings.self).fetch(key: appID))
        XCTAssertEqual(row.nameIDFormat, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
        XCTAssertEqual(row.applicationUsername, "user.email")
        XCTAssertEqual(row.acsURL, "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/broker/okta/endpoint")
        XCTAssertEqual(openTab().saved, tab.saved)
    }

    func test_previewForAPersonWithANonASCIINameSignsAndWritesOwnerOnlyFiles() throws {
        var tab = openTab()
        runner.send(.edit, to: &tab)
        runner.send(.setText(.acsURL, "https://axiad.example.com/saml/acs"), to: &tab)
        runner.send(.setText(.audienceURI, "https://axiad.example.com/saml/metadata"), to: &tab)
        runner.send(.chooseApplicationUsername(.custom), to: &tab)
        runner.send(.setText(.applicationUsername, #"String.toLowerCase(user.firstName) + "." + String.toLowerCase(user.lastName)"#), to: &tab)

        // Unsaved: the preview uses the form as it is, and the first preview makes the workspace key.
        XCTAssertEqual(runner.send(.previewSAML(login: "JOSE.NUNEZ@example.com"), to: &tab), [])
        let document = try XCTUnwrap(tab.preview?.document, "\(String(describing: tab.preview?.phase)) \(String(describing: tab.status))")
        XCTAssertEqual(document.nameID, "josé.núñez")
        XCTAssertEqual(document.personName, "José Núñez")
        XCTAssertTrue(document.responseXML.contains(">josé.núñez</saml:NameID>"), document.responseXML)
        XCTAssertEqual(Data(base64Encoded: document.responseBase64), Data(document.responseXML.utf8))
        XCTAssertTrue(document.metadataXML.contains(document.entityID))
        XCTAssertEqual(tab.certificate, document.certificate)
        XCTAssertEqual(try store.secrets.names(appId: appID), [SecretName.samlSigningKey])
        XCTAssertEqual(tab.mode, .editing)
        XCTAssertEqual(try store.records(Store.SignOnSettings.self).fetch(key: appID)?.acsURL, "", "previewing saves nothing")

        // A second preview reuses the key.
        runner.send(.previewSAML(login: "jose.nunez@example.com"), to: &tab)
        XCTAssertEqual(tab.preview?.document?.certificate.fingerprintSHA256, document.certificate.fingerprintSHA256)
        XCTAssertNotEqual(tab.preview?.document?.responseXML, document.responseXML, "each preview is a new Response")

        let directory = try TestEnvironment.makeTemporaryDirectory("scimdeck-signon")
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertEqual(runner.send(.writePreview(directory: directory.path), to: &tab), [])
        let written = try XCTUnwrap(tab.preview?.writtenFiles)
        XCTAssertEqual(written.map { URL(fileURLWithPath: $0).lastPathComponent }, ["saml-response.xml", "idp-metadata.xml", "saml-post.html"])
        XCTAssertEqual(tab.preview?.pendingFiles, [])
        XCTAssertEqual(tab.status?.kind, .info)
        let latest = try XCTUnwrap(tab.preview?.document)
        XCTAssertEqual(try String(contentsOfFile: written[0], encoding: .utf8), latest.responseXML)
        XCTAssertEqual(try String(contentsOfFile: written[1], encoding: .utf8), latest.metadataXML)
        for path in written {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
            XCTAssertEqual(mode?.intValue, 0o600, path)
        }
    }

    func test_previewForAnUnknownPersonSaysSoInThePanel() throws {
        try SignOnService(store: store).save(
            SignOnConfiguration(acsURL: "https://axiad.example.com/acs", audienceURI: "urn:axiad"), appID: appID
        )
        var tab = openTab()
        runner.send(.previewSAML(login: "nobody@example.com"), to: &tab)
        guard case .failed(let reason)? = tab.preview?.phase else { return XCTFail("\(String(describing: tab.preview))") }
        XCTAssertTrue(reason.contains("no person \"nobody@example.com\""), reason)
    }

    func test_writeFailureIsReportedWithThePath() throws {
        try SignOnService(store: store).save(
            SignOnConfiguration(acsURL: "https://axiad.example.com/acs", audienceURI: "urn:axiad"), appID: appID
        )
        var tab = openTab()
        runner.send(.previewSAML(login: "jose.nunez@example.com"), to: &tab)
        XCTAssertNotNil(tab.preview?.document)
        // A directory under a plain file cannot be made, whoever runs the test (root included).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scimdeck-plain-\(UUID().uuidString)").path
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        defer { try? FileManager.default.removeItem(atPath: file) }
        runner.send(.writePreview(directory: file + "/preview"), to: &tab)
        XCTAssertEqual(tab.status?.kind, .error)
        XCTAssertTrue(tab.status?.text.contains(file + "/preview/") == true, tab.status?.text ?? "")
    }

    func test_leaveWithUnsavedChangesReturnsCloseOnlyAfterDiscard() {
        var tab = openTab()
        runner.send(.edit, to: &tab)
        runner.send(.setText(.acsURL, "https://axiad.example.com/acs"), to: &tab)
        XCTAssertEqual(runner.send(.leave, to: &tab), [])
        XCTAssertEqual(runner.send(.discardAndLeave, to: &tab), [.close])
    }

    func test_personPickerFindsPeopleByAccentedName() throws {
        try store.directory.addPerson(Person(login: "zoe.odegaard@example.com", firstName: "Zoë", lastName: "Ødegaard"))
        var tab = openTab()
        runner.send(.searchPeople("NÚÑ"), to: &tab)
        XCTAssertEqual(tab.personChoices, [PersonChoice(login: "jose.nunez@example.com", name: "José Núñez")])
        runner.send(.searchPeople(""), to: &tab)
        XCTAssertEqual(tab.personChoices.map(\.login), ["jose.nunez@example.com", "zoe.odegaard@example.com"])
    }

    func test_generatingANewCertificateAsksFirstThenChangesTheFingerprintAndDropsTheOldPreview() throws {
        try SignOnService(store: store).save(
            SignOnConfiguration(acsURL: "https://axiad.example.com/acs", audienceURI: "urn:axiad"), appID: appID
        )
        var tab = openTab()
        runner.send(.previewSAML(login: "jose.nunez@example.com"), to: &tab)
        let old = try XCTUnwrap(tab.certificate)
        XCTAssertNotNil(tab.preview?.document)

        XCTAssertEqual(runner.send(.rotateSigningKey, to: &tab), [])
        XCTAssertTrue(tab.confirmingRotation)
        runner.send(.cancelRotation, to: &tab)
        XCTAssertEqual(tab.certificate, old, "cancel keeps the key")
        XCTAssertEqual(runner.send(.confirmRotation, to: &tab), [], "confirming needs the prompt first")
        XCTAssertEqual(try store.secrets.names(appId: appID), [SecretName.samlSigningKey])
        XCTAssertEqual(try AppSigningKey(store: store, appID: appID).certificate(), old)

        runner.send(.rotateSigningKey, to: &tab)
        runner.send(.confirmRotation, to: &tab)
        let new = try XCTUnwrap(tab.certificate)
        XCTAssertNotEqual(new.fingerprintSHA256, old.fingerprintSHA256)
        XCTAssertEqual(try AppSigningKey(store: store, appID: appID).certificate(), new)
        XCTAssertNil(tab.preview)
        XCTAssertTrue(tab.status?.text.contains(new.fingerprintSHA256) == true)
    }
}
