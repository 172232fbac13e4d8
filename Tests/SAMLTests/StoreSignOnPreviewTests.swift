import Foundation
import Provisioning
import SAML
import Store
import TestSupport
import XCTest

/// Preview SAML from the store: the app's Sign On settings, a directory person, the app's own key; checked by
/// xmlsec1 and the service provider libraries as the file-based previews are.
final class StoreSignOnPreviewTests: XCTestCase {
    private func world() throws -> (store: ScimdeckStore, appID: Int64) {
        let store = try ScimdeckStore()
        let app = try store.apps.add(
            AppIntegration(catalogEntry: "axiad-cloud", label: "Axiad Cloud"),
            signOn: Store.SignOnSettings(appId: 0), provisioning: ProvisioningSettings(appId: 0), mappings: []
        )
        let appID = try XCTUnwrap(app.id)
        try SignOnService(store: store).save(SignOnConfiguration(
            defaultRelayState: "https://axiad.example.com/home",
            acsURL: SAMLFixture.settings.acsURL,
            audienceURI: SAMLFixture.settings.audience,
            nameIDFormat: .emailAddress,
            applicationUsername: .email
        ), appID: appID)
        try store.directory.addPerson(Person(
            login: "zoe.odegaard", firstName: "Zoë", lastName: "Ødegaard", email: "zoe.odegaard@example.com",
            attributes: ["department": "Ventes & Marketing — Île-de-France"]
        ))
        return (store, appID)
    }

    func test_bridgeReadsTheStoredRowIntoSAMLSettings() throws {
        let row = Store.SignOnSettings(appId: 1, defaultRelayState: "/home", acsURL: "https://a.example.com/acs", audienceURI: "urn:a",
                                       nameIDFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", applicationUsername: "login")
        let settings = SAML.SignOnSettings(stored: row, attributeStatements: [AttributeStatement(name: "mail", expression: "user.email")])
        XCTAssertEqual(settings.acsURL, "https://a.example.com/acs")
        XCTAssertEqual(settings.audience, "urn:a")
        XCTAssertEqual(settings.nameIDFormat, .persistent)
        XCTAssertEqual(settings.defaultRelayState, "/home")
        XCTAssertEqual(settings.applicationUsername, "user.login", "a bare stored name is read as user.<name>")
        XCTAssertEqual(settings.attributeStatements.map(\.name), ["mail"])
        XCTAssertEqual(SignOnConfiguration(row).stored(appID: 1, updatedAt: row.updatedAt).applicationUsername, "user.login")
    }

    func test_previewForAStorePersonIsAcceptedByXmlsecAndTheSPLibraries() throws {
        let (store, appID) = try world()
        let service = SignOnService(store: store)
        let preview = try service.preview(appID: appID, login: "ZOE.ODEGAARD", attributeStatements: [
            AttributeStatement(name: "firstName", expression: "user.firstName"),
            AttributeStatement(name: "department", nameFormat: .basic, expression: "user.department"),
        ])
        XCTAssertEqual(preview.nameID, "zoe.odegaard@example.com")
        XCTAssertEqual(preview.relayState, "https://axiad.example.com/home")
        XCTAssertTrue(preview.responseXML.contains("<saml:AttributeValue>Zoë</saml:AttributeValue>"), preview.responseXML)
        XCTAssertTrue(preview.responseXML.contains("Ventes &amp; Marketing — Île-de-France"), preview.responseXML)
        let credential = try XCTUnwrap(try service.signingKey(appID: appID).credential())
        XCTAssertEqual(preview.certificate.fingerprintSHA256, try credential.fingerprintSHA256)

        let directory = try TestDirectory()
        let response = directory.url.appendingPathComponent("response.xml")
        let certificate = directory.url.appendingPathComponent("cert.pem")
        let metadata = directory.url.appendingPathComponent("idp-metadata.xml")
        try Data(preview.responseXML.utf8).write(to: response)
        try Data(preview.certificate.pem.utf8).write(to: certificate)
        try Data(preview.metadataXML.utf8).write(to: metadata)
        let assertionID = try XCTUnwrap(Self.attribute("ID", of: "<saml:Assertion ", in: preview.responseXML))
        for nodeID in [nil, assertionID] {
            let check = try SAMLFixture.xmlsecVerify(response: response, certificate: certificate, nodeID: nodeID)
            XCTAssertTrue(check.succeeded, "\(nodeID ?? "Response"): \(check.stderr)")
        }

        let settings = SAML.SignOnSettings(stored: try XCTUnwrap(store.records(Store.SignOnSettings.self).fetch(key: appID)))
        for library in ServiceProviderLibrary.allCases {
            let check = try SAMLFixture.serviceProviderCheck(library, response: response, metadata: metadata, settings: settings)
            let output = "\(library): " + check.result.stdout + check.result.stderr
            XCTAssertTrue(check.result.succeeded, output)
            XCTAssertEqual(check.json["nameID"] as? String, "zoe.odegaard@example.com", output)
            XCTAssertEqual((check.json["attributes"] as? [String: [String]])?["firstName"], ["Zoë"], output)
        }

        // One character of the Name ID changed: both signatures fail.
        let tampered = preview.responseXML.replacingOccurrences(of: ">zoe.odegaard@example.com<", with: ">zoe.odegaarc@example.com<")
        XCTAssertNotEqual(tampered, preview.responseXML)
        try Data(tampered.utf8).write(to: response)
        for nodeID in [nil, assertionID] {
            XCTAssertFalse(try SAMLFixture.xmlsecVerify(response: response, certificate: certificate, nodeID: nodeID).succeeded)
        }
    }

    func test_badSettingsOrExpressionsGiveAMessageNotAResponse() throws {
        let (store, appID) = try world()
        let service = SignOnService(store: store)
        XCTAssertThrowsError(try service.save(SignOnConfiguration(acsURL: "http://axiad.example.com/acs", audienceURI: "urn:a"), appID: appID)) { error in
            XCTAssertEqual(error as? AppSettingsError, .invalid([SettingProblem(.acsURL, "ACS URL must use https (plain http only to a loopback address)")]))
        }
        XCTAssertThrowsError(try service.preview(
            appID: appID, login: "zoe.odegaard",
            configuration: SignOnConfiguration(acsURL: "", audienceURI: "urn:a")
        )) { error in
            XCTAssertEqual(error as? SAMLError, .missingACSURL)
        }
        XCTAssertEqual(try store.secrets.names(appId: appID), [], "no key is made for settings that cannot be signed")
        XCTAssertThrowsError(try service.preview(
            appID: appID, login: "zoe.odegaard",
            configuration: SignOnConfiguration(acsURL: "https://a.example.com/acs", audienceURI: "urn:a", applicationUsername: .custom("user.email +"))
        )) { error in
            guard case let SAMLError.invalidExpression(field, _, _)? = error as? SAMLError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "application username")
        }
        XCTAssertThrowsError(try service.preview(
            appID: appID, login: "zoe.odegaard",
            configuration: SignOnConfiguration(acsURL: "https://a.example.com/acs", audienceURI: "urn:a", applicationUsername: .custom("user.nickname"))
        )) { error in
            XCTAssertEqual(error as? SAMLError, .emptyNameID, "a username that is null for the person is refused")
        }
        XCTAssertEqual(try store.secrets.names(appId: appID), [SecretName.samlSigningKey])
    }

    /// The value of `name` in the first start tag beginning with `tag`.
    static func attribute(_ name: String, of tag: String, in xml: String) -> String? {
        guard let start = xml.range(of: tag) else { return nil }
        let rest = xml[start.upperBound...]
        guard let tagEnd = rest.firstIndex(of: ">"), let valueStart = rest[..<tagEnd].range(of: " \(name)=\"") else { return nil }
        let value = rest[valueStart.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }

    func test_storedAttributeStatementsAreCarriedByEveryPreview() throws {
        let (store, appID) = try world()
        let service = SignOnService(store: store)
        var configuration = try service.configuration(appID: appID)
        configuration.attributeStatements = [AttributeStatement(name: "firstName", expression: "user.firstName")]
        try service.save(configuration, appID: appID)
        XCTAssertEqual(try service.configuration(appID: appID).attributeStatements.map(\.name), ["firstName"], "saved and read back")

        let preview = try service.preview(appID: appID, login: "zoe.odegaard")
        XCTAssertTrue(preview.responseXML.contains("<saml:Attribute Name=\"firstName\""), preview.responseXML)
        XCTAssertTrue(preview.responseXML.contains("<saml:AttributeValue>Zoë</saml:AttributeValue>"), preview.responseXML)
    }
}
