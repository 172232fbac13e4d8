import Provisioning
import SAML
import SCIM
import Store
import XCTest

final class AppSettingsTests: XCTestCase {
    private struct Stored: Equatable {
        var app: AppIntegration?
        var signOn: Store.SignOnSettings?
        var provisioning: ProvisioningSettings?
        var token: String?
    }

    private func world() throws -> (ScimdeckStore, Int64) {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "Axiad"), signOn: Store.SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0), mappings: [])
        _ = try store.apps.add(AppIntegration(catalogEntry: Catalog.genericSCIM.id, label: "HR Portal"), signOn: Store.SignOnSettings(appId: 0),
                               provisioning: ProvisioningSettings(appId: 0), mappings: [])
        return (store, try XCTUnwrap(app.id))
    }

    private func stored(_ store: ScimdeckStore, _ appID: Int64) throws -> Stored {
        Stored(app: try store.records(AppIntegration.self).fetch(key: appID),
               signOn: try store.records(Store.SignOnSettings.self).fetch(key: appID),
               provisioning: try store.records(ProvisioningSettings.self).fetch(key: appID),
               token: try store.secrets.get(name: SecretName.apiToken, appId: appID)?.revealText())
    }

    func test_aBadBaseURLRefusesTheWholeChangeAndWritesNothing() throws {
        let (store, appID) = try world()
        let before = try stored(store, appID)
        var change = AppSettingsChange()
        change.label = "Axiad renamed"
        change.acsURL = "https://axiad.example/saml/acs"
        change.apiIntegrationEnabled = true
        change.baseURL = "http://example.com/scim"
        change.apiToken = BearerToken("token-0123456789")
        change.createUsers = true
        XCTAssertThrowsError(try AppSettings(store: store, appID: appID).apply(change)) { error in
            XCTAssertEqual((error as? AppSettingsError)?.problems.map(\.field), [.baseURL])
            XCTAssertEqual("\(error)", "The base URL must use https (plain http is allowed to a loopback address only)")
        }
        XCTAssertEqual(try stored(store, appID), before, "not the label, not the token, nothing")
    }

    func test_everyProblemOfTheChangeIsListedNotOnlyTheFirst() throws {
        let (store, appID) = try world()
        var change = AppSettingsChange()
        change.label = "hr portal"
        change.acsURL = "ftp://axiad.example/acs"
        change.nameIDFormat = "fingerprint"
        change.applicationUsername = "String.toLowerCase(user.email"
        change.attributeStatements = [AttributeStatement(name: "", expression: "user.email"), AttributeStatement(name: "mail", expression: "user.email +")]
        change.apiIntegrationEnabled = true
        XCTAssertThrowsError(try AppSettings(store: store, appID: appID).validated(change)) { error in
            XCTAssertEqual((error as? AppSettingsError)?.problems.map(\.field),
                           [.label, .acsURL, .nameIDFormat, .applicationUsername, .attributeStatements, .attributeStatements, .baseURL])
            XCTAssertTrue("\(error)".contains("An app is already labelled \"hr portal\""), "\(error)")
        }
    }

    func test_aGoodChangeIsWrittenWholeAndSaysWhichPartsChanged() throws {
        let (store, appID) = try world()
        var change = AppSettingsChange()
        change.label = "  Axiad (prod) "
        change.audienceURI = "https://axiad.example/sp"
        change.nameIDFormat = "EMAILADDRESS"
        change.apiIntegrationEnabled = true
        change.baseURL = " https://axiad.example/scim/v2 "
        change.apiToken = BearerToken("token-0123456789")
        let parts = try AppSettings(store: store, appID: appID).apply(change)
        XCTAssertEqual(parts, [.general, .signOn, .provisioning, .apiToken])
        let after = try stored(store, appID)
        XCTAssertEqual(after.app?.label, "Axiad (prod)")
        XCTAssertEqual(after.signOn?.audienceURI, "https://axiad.example/sp")
        XCTAssertEqual(after.signOn?.nameIDFormat, NameIDFormatChoice.emailAddress.urn)
        XCTAssertEqual(after.provisioning?.baseURL, "https://axiad.example/scim/v2")
        XCTAssertEqual(after.provisioning?.apiIntegrationEnabled, true)
        XCTAssertEqual(after.token, "token-0123456789")
        XCTAssertEqual(try SyncReadiness.of(appID: appID, in: store), .ready)

        var same = AppSettingsChange()
        same.label = "Axiad (prod)"
        same.baseURL = "https://axiad.example/scim/v2"
        XCTAssertEqual(try AppSettings(store: store, appID: appID).apply(same), [], "what is stored already is no change")
    }

    func test_integrationOnNeedsAUsableBaseURLWhereverItComesFrom() throws {
        let (store, appID) = try world()
        let settings = AppSettings(store: store, appID: appID)
        var enable = AppSettingsChange()
        enable.apiIntegrationEnabled = true
        XCTAssertThrowsError(try settings.apply(enable), "on with no base URL") { error in
            XCTAssertEqual("\(error)", "Enter the SCIM base URL, e.g. https://example.com/scim/v2")
        }
        var offWithoutURL = AppSettingsChange(apiIntegrationEnabled: false, baseURL: "", apiToken: nil)
        offWithoutURL.createUsers = true
        XCTAssertEqual(try settings.apply(offWithoutURL), [.provisioning], "an empty URL is fine while integration is off")
        XCTAssertNoThrow(try settings.apply(AppSettingsChange(apiIntegrationEnabled: false, baseURL: "https://axiad.example/scim/v2", apiToken: nil)))
        XCTAssertEqual(try settings.apply(enable), [.provisioning], "the stored URL is the one checked")
    }

    func test_aGoneAppIsRefused() throws {
        let (store, _) = try world()
        XCTAssertThrowsError(try AppSettings(store: store, appID: 999).apply(AppSettingsChange(toggles: ProvisioningToggles(createUsers: true,
            updateUserAttributes: false, deactivateUsers: false)))) { error in
            XCTAssertEqual(error as? AppSettingsError, .noSuchApp(999))
        }
    }

    func test_theSignOnTabsSaveIsTheSameChangeCheckedWhole() throws {
        let (store, appID) = try world()
        let service = SignOnService(store: store)
        let before = try stored(store, appID)
        XCTAssertThrowsError(try service.save(SignOnConfiguration(acsURL: "http://axiad.example/acs", audienceURI: ""), appID: appID)) { error in
            XCTAssertEqual((error as? AppSettingsError)?.problems.map(\.field), [.acsURL, .audienceURI])
        }
        XCTAssertEqual(try stored(store, appID), before)
        try service.save(SignOnConfiguration(acsURL: "https://axiad.example/acs", audienceURI: "urn:axiad", nameIDFormat: .persistent), appID: appID)
        XCTAssertEqual(try service.configuration(appID: appID).nameIDFormat, .persistent)
    }
}
