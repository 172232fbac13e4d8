import Provisioning
import Store
import XCTest

final class SyncReadinessTests: XCTestCase {
    private let good = "https://app.example.com/scim/v2"

    func test_eachMissingPieceIsItsOwnReasonInTheOrderTheyAreChecked() {
        func readiness(_ enabled: Bool, _ url: String, token: Bool, given: Bool = false) -> SyncReadiness {
            SyncReadiness.of(ProvisioningSettings(appId: 1, apiIntegrationEnabled: enabled, baseURL: url), hasStoredToken: token, tokenGiven: given)
        }
        XCTAssertEqual(SyncReadiness.of(nil, hasStoredToken: true), .notReady(.apiIntegrationOff), "no settings row reads as off")
        XCTAssertEqual(readiness(false, good, token: true), .notReady(.apiIntegrationOff))
        XCTAssertEqual(readiness(false, "", token: false), .notReady(.apiIntegrationOff), "off is said first")
        XCTAssertEqual(readiness(true, "", token: true), .notReady(.noBaseURL))
        XCTAssertEqual(readiness(true, "", token: false), .notReady(.noBaseURL), "the base URL before the token")
        XCTAssertEqual(readiness(true, "http://app.example.com/scim", token: true), .notReady(.badBaseURL), "plain http beyond loopback")
        XCTAssertEqual(readiness(true, "not a url", token: true), .notReady(.badBaseURL))
        XCTAssertEqual(readiness(true, good, token: false), .notReady(.noToken))
        XCTAssertEqual(readiness(true, good, token: false, given: true), .ready, "a token given for the run is enough")
        XCTAssertEqual(readiness(true, good, token: true), .ready)
        XCTAssertEqual(readiness(true, "http://127.0.0.1:8080/v2", token: true), .ready, "plain http to loopback")
    }

    func test_theStoredAppIsReadyOnlyWithIntegrationOnABaseURLAndAStoredToken() throws {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "Axiad"), signOn: SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0), mappings: [])
        let appID = try XCTUnwrap(app.id)
        XCTAssertEqual(try SyncReadiness.of(appID: appID, in: store), .notReady(.apiIntegrationOff))
        try store.records(ProvisioningSettings.self).save(ProvisioningSettings(appId: appID, apiIntegrationEnabled: true, baseURL: good))
        XCTAssertEqual(try SyncReadiness.of(appID: appID, in: store), .notReady(.noToken))
        XCTAssertEqual(try SyncReadiness.of(appID: appID, in: store, tokenGiven: true), .ready)
        try store.secrets.set(SecretValue("token-0123456789"), name: SecretName.apiToken, appId: appID)
        XCTAssertEqual(try SyncReadiness.of(appID: appID, in: store), .ready)
        XCTAssertEqual(try ProvisioningEngine(store: store, app: app).readiness(), .ready, "the engine asks the same rule")
    }

    func test_eachReasonSaysWhatIsMissingAndWhereToFixIt() {
        for reason in SyncReadiness.Reason.allCases {
            XCTAssertTrue(reason.message(appLabel: "Axiad").contains("Provisioning → Integration"), reason.rawValue)
            XCTAssertTrue(reason.commandLineMessage(appLabel: "Axiad").contains("scimdeck app set --app \"Axiad\""), reason.rawValue)
            XCTAssertTrue(reason.message(appLabel: "Axiad").contains("Axiad"), reason.rawValue)
        }
        XCTAssertEqual(EngineError.notReady("Axiad", .noToken).description, SyncReadiness.Reason.noToken.commandLineMessage(appLabel: "Axiad"))
    }
}
