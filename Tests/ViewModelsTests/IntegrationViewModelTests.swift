import SCIM
import ViewModels
import XCTest

/// Provisioning → Integration state changes, without a network: the results of effects are sent as
/// the runner would send them.
final class IntegrationViewModelTests: XCTestCase {
    private let token = "tok-9c1e0a77d2b54f3f9a"

    /// A model loaded from an app with nothing configured, in Edit.
    private func editing(_ snapshot: IntegrationSnapshot = IntegrationSnapshot(appLabel: "Axiad Cloud (prod)", apiIntegrationEnabled: false,
                                                                                baseURL: "", tokenHint: nil)) -> IntegrationViewModel {
        var model = IntegrationViewModel(appLabel: snapshot.appLabel)
        XCTAssertEqual(model.send(.appear), [.load])
        XCTAssertEqual(model.phase, .loading)
        XCTAssertEqual(model.send(.loaded(snapshot)), [])
        XCTAssertEqual(model.phase, .summary)
        XCTAssertEqual(model.send(.configure), [])
        XCTAssertEqual(model.phase, .editing)
        return model
    }

    private func filledIn() -> IntegrationViewModel {
        var model = editing()
        _ = model.send(.setAPIIntegration(true))
        _ = model.send(.editBaseURL("https://ucms-infinidim.demo.axiadids.net/secuera/api/v3/scim/infinidim"))
        _ = model.send(.typeToken(token))
        return model
    }

    func test_editsAreIgnoredOutsideEdit() {
        var model = IntegrationViewModel(appLabel: "Axiad Cloud")
        _ = model.send(.loaded(IntegrationSnapshot(appLabel: "Axiad Cloud", apiIntegrationEnabled: false, baseURL: "", tokenHint: nil)))
        XCTAssertEqual(model.send(.editBaseURL("https://x.example/scim")), [])
        XCTAssertEqual(model.send(.typeToken("abc")), [])
        XCTAssertEqual(model.send(.testCredentials), [])
        XCTAssertEqual(model.baseURL, "")
        XCTAssertTrue(model.tokenInput.isEmpty)
        XCTAssertFalse(model.isSaveEnabled)
    }

    func test_typedTokenShowsAsOneBulletPerCharacter() {
        var model = editing()
        _ = model.send(.typeToken("abc"))
        _ = model.send(.typeToken("def\n"))
        XCTAssertEqual(model.tokenDisplay, "••••••")
        _ = model.send(.deleteTokenCharacter)
        XCTAssertEqual(model.tokenDisplay, "•••••")
        _ = model.send(.clearToken)
        XCTAssertEqual(model.tokenDisplay, "")
    }

    func test_fieldProblemsAreShownBesideTheFields() {
        var model = editing()
        XCTAssertNil(model.baseURLProblem, "an empty URL is fine while integration is off")
        _ = model.send(.setAPIIntegration(true))
        XCTAssertEqual(model.baseURLProblem, "Enter the SCIM base URL, e.g. https://example.com/scim/v2")
        XCTAssertEqual(model.tokenProblem, "Enter the API token, or read it from a file")
        _ = model.send(.editBaseURL("http://scim.example.com/v2"))
        XCTAssertEqual(model.baseURLProblem, "The base URL must use https (plain http is allowed to a loopback address only)")
        _ = model.send(.editBaseURL("scim.example.com/v2"))
        XCTAssertEqual(model.baseURLProblem, "The base URL must be absolute, e.g. https://example.com/scim/v2")
        _ = model.send(.editBaseURL("http://127.0.0.1:8080/v2"))
        XCTAssertNil(model.baseURLProblem)
        _ = model.send(.typeToken("has space"))
        XCTAssertEqual(model.tokenProblem, "The token holds spaces or control characters: check it was copied whole")
        XCTAssertFalse(model.canTestCredentials)
        XCTAssertEqual(model.send(.testCredentials), [])
    }

    func test_invalidFormIsNotSavedEvenWhenConfirmed() {
        var model = editing()
        _ = model.send(.setAPIIntegration(true))
        _ = model.send(.editBaseURL("ftp://scim.example.com"))
        XCTAssertEqual(model.send(.save), [])
        XCTAssertFalse(model.isConfirmingUnverifiedSave)
        XCTAssertEqual(model.notice, "The base URL must use https (plain http is allowed to a loopback address only)")
        XCTAssertEqual(model.send(.confirmSaveUnverified), [])
    }

    func test_saveIsDisabledUntilTheCredentialsAreVerified() throws {
        var model = filledIn()
        XCTAssertNil(model.saveProblem)
        XCTAssertFalse(model.isSaveEnabled)
        let effects = model.send(.testCredentials)
        let bearer = try XCTUnwrap(BearerToken(token))
        XCTAssertEqual(effects, [.testCredentials(baseURL: model.baseURL, token: .given(bearer), revision: model.credentialsRevision)])
        XCTAssertEqual(model.credentialTest, .testing)
        XCTAssertEqual(model.credentialStatusText, "Testing API credentials…")
        XCTAssertFalse(model.canTestCredentials, "one test at a time")
        _ = model.send(.credentialsTested(.verified(totalUsers: 3), revision: model.credentialsRevision))
        XCTAssertEqual(model.credentialStatusText, "✓ Axiad Cloud (prod) was verified successfully! (3 users visible)")
        XCTAssertTrue(model.isVerified)
        XCTAssertTrue(model.isSaveEnabled)
        XCTAssertEqual(model.send(.save), [.save(IntegrationChange(apiIntegrationEnabled: true, baseURL: model.baseURL, token: bearer))])
        XCTAssertTrue(model.isSaving)
        XCTAssertFalse(model.isSaveEnabled, "no second save while one runs")
    }

    func test_changingTheURLAfterVerifyingDisablesSaveAgain() {
        var model = filledIn()
        _ = model.send(.testCredentials)
        _ = model.send(.credentialsTested(.verified(totalUsers: 0), revision: model.credentialsRevision))
        XCTAssertTrue(model.isSaveEnabled)
        _ = model.send(.editBaseURL(model.baseURL + "/v2"))
        XCTAssertFalse(model.isSaveEnabled)
        XCTAssertEqual(model.credentialTest, .notTested)
        _ = model.send(.testCredentials)
        _ = model.send(.credentialsTested(.verified(totalUsers: 0), revision: model.credentialsRevision))
        _ = model.send(.typeToken("x"))
        XCTAssertFalse(model.isSaveEnabled, "a changed token must be verified again")
    }

    func test_aResultForCredentialsSinceChangedIsIgnored() {
        var model = filledIn()
        _ = model.send(.testCredentials)
        let tested = model.credentialsRevision
        _ = model.send(.deleteTokenCharacter)
        _ = model.send(.credentialsTested(.verified(totalUsers: 1), revision: tested))
        XCTAssertEqual(model.credentialTest, .notTested)
        XCTAssertFalse(model.isVerified)
        XCTAssertFalse(model.isSaveEnabled)
    }

    func test_eachFailureShowsTheClientsOwnReasonAndKeepsSaveDisabled() {
        let failures: [SCIMCredentialCheck] = [
            .badURL("the scheme must be http or https"),
            .unreachable("connection refused"),
            .unauthorized(status: 401, detail: nil),
            .notSCIM("GET https://x/Users answered HTML"),
            .failed("HTTP 503"),
        ]
        for failure in failures {
            var model = filledIn()
            _ = model.send(.testCredentials)
            _ = model.send(.credentialsTested(failure, revision: model.credentialsRevision))
            XCTAssertEqual(model.credentialStatusText, "✗ " + failure.message)
            XCTAssertFalse(model.isVerified)
            XCTAssertFalse(model.isSaveEnabled, "\(failure)")
            XCTAssertTrue(model.canTestCredentials, "the admin can test again")
        }
    }

    func test_savingUnverifiedAsksFirstAndSavesOnlyWhenConfirmed() throws {
        var model = filledIn()
        XCTAssertEqual(model.send(.save), [])
        XCTAssertTrue(model.isConfirmingUnverifiedSave)
        XCTAssertEqual(model.confirmationText, "The API credentials were not verified since the last change. Save anyway?")
        XCTAssertEqual(model.send(.dismissConfirmation), [])
        XCTAssertFalse(model.isConfirmingUnverifiedSave)
        XCTAssertEqual(model.send(.confirmSaveUnverified), [], "no save without the prompt")
        _ = model.send(.save)
        let effects = model.send(.confirmSaveUnverified)
        XCTAssertEqual(effects, [.save(IntegrationChange(apiIntegrationEnabled: true, baseURL: model.baseURL, token: BearerToken(token)))])
    }

    func test_savedShowsTheSummaryWithOnlyTheTokenHint() {
        var model = filledIn()
        _ = model.send(.save)
        _ = model.send(.confirmSaveUnverified)
        let stored = IntegrationSnapshot(appLabel: "Axiad Cloud (prod)", apiIntegrationEnabled: true, baseURL: model.baseURL,
                                         tokenHint: TokenHint.of(token))
        _ = model.send(.saved(stored))
        XCTAssertEqual(model.phase, .summary)
        XCTAssertFalse(model.isSaving)
        XCTAssertEqual(model.notice, "Saved.")
        XCTAssertEqual(model.configureLabel, "Edit")
        XCTAssertEqual(model.tokenDisplay, "••••3f9a")
        XCTAssertTrue(model.tokenInput.isEmpty, "the typed token is forgotten once stored")
    }

    func test_unchangedCredentialsSaveWithoutATest() {
        var model = editing(IntegrationSnapshot(appLabel: "A", apiIntegrationEnabled: false, baseURL: "https://scim.example.com/v2",
                                                tokenHint: "••••abcd"))
        _ = model.send(.setAPIIntegration(true))
        XCTAssertTrue(model.isSaveEnabled)
        XCTAssertEqual(model.send(.save), [.save(IntegrationChange(apiIntegrationEnabled: true, baseURL: "https://scim.example.com/v2", token: nil))])
    }

    func test_testWithoutANewTokenUsesTheStoredOne() {
        var model = editing(IntegrationSnapshot(appLabel: "A", apiIntegrationEnabled: true, baseURL: "https://scim.example.com/v2",
                                                tokenHint: "••••abcd"))
        XCTAssertEqual(model.send(.testCredentials), [.testCredentials(baseURL: "https://scim.example.com/v2", token: .stored,
                                                                       revision: model.credentialsRevision)])
    }

    func test_cancelRevertsToTheSavedSettingsAndForgetsTheToken() {
        var model = filledIn()
        _ = model.send(.testCredentials)
        let tested = model.credentialsRevision
        XCTAssertTrue(model.hasUnsavedChanges)
        XCTAssertEqual(model.send(.cancel), [])
        XCTAssertFalse(model.hasUnsavedChanges)
        XCTAssertEqual(model.configureLabel, "Configure API Integration")
        XCTAssertEqual(model.phase, .summary)
        XCTAssertEqual(model.baseURL, "")
        XCTAssertFalse(model.apiIntegrationEnabled)
        XCTAssertTrue(model.tokenInput.isEmpty)
        XCTAssertEqual(model.credentialTest, .notTested)
        _ = model.send(.credentialsTested(.verified(totalUsers: 1), revision: tested))
        XCTAssertEqual(model.credentialTest, .notTested, "a test finishing after Cancel changes nothing")
        _ = model.send(.configure)
        XCTAssertEqual(model.tokenDisplay, "")
    }

    func test_saveFailureKeepsTheFormToRetry() {
        var model = filledIn()
        _ = model.send(.save)
        _ = model.send(.confirmSaveUnverified)
        _ = model.send(.saveFailed("disk full"))
        XCTAssertEqual(model.phase, .editing)
        XCTAssertFalse(model.isSaving)
        XCTAssertEqual(model.notice, "Not saved: disk full")
        XCTAssertFalse(model.tokenInput.isEmpty)
    }

    func test_theTokenAppearsInNoDisplayStringNorDump() {
        var model = filledIn()
        var effects = model.send(.testCredentials)
        XCTAssertFalse(DisplayedText.of(model, effects: effects).contains(token))
        _ = model.send(.credentialsTested(.unauthorized(status: 401, detail: "bad token"), revision: model.credentialsRevision))
        effects = model.send(.save)
        effects += model.send(.confirmSaveUnverified)
        let shown = DisplayedText.of(model, effects: effects)
        XCTAssertFalse(shown.contains(token), shown)
        XCTAssertFalse(shown.contains(String(token.prefix(8))), shown)
    }

    func test_shortTokensShowNoCharacters() {
        XCTAssertEqual(TokenHint.of("abcdef"), "••••")
        XCTAssertEqual(TokenHint.of("0123456789ab3f9a"), "••••3f9a")
    }
}
