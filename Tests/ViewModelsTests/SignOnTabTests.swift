import Provisioning
import SAML
import ViewModels
import XCTest

/// Every state change of the Sign On tab, driven by intents alone: no store, no terminal.
final class SignOnTabTests: XCTestCase {
    private let axiad = SignOnConfiguration(
        defaultRelayState: "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/",
        acsURL: "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/broker/okta/endpoint",
        audienceURI: "https://access-user-infinidim.cloud.axiadids.net/auth/realms/master/",
        nameIDFormat: .emailAddress,
        applicationUsername: .email
    )

    /// A tab that has loaded `configuration` and, when asked, is in Edit.
    private func tab(_ configuration: SignOnConfiguration = SignOnConfiguration(), editing: Bool = true) -> SignOnTab {
        var tab = SignOnTab(appID: 7)
        XCTAssertEqual(tab.send(.open), [.load(appID: 7)])
        XCTAssertEqual(tab.mode, .loading)
        XCTAssertEqual(tab.send(.loaded(configuration, certificate: nil)), [])
        if editing { XCTAssertEqual(tab.send(.edit), []) }
        return tab
    }

    func test_openLoadsThenShowsTheStoredSettingsReadOnly() {
        var tab = tab(axiad, editing: false)
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.shown, axiad)
        XCTAssertFalse(tab.hasUnsavedChanges)
        // Typing is ignored until Edit.
        XCTAssertEqual(tab.send(.setText(.acsURL, "https://other.example.com/acs")), [])
        XCTAssertEqual(tab.shown, axiad)
    }

    func test_loadFailureIsShownAndLeavesTheTabReadable() {
        var tab = SignOnTab(appID: 7)
        _ = tab.send(.open)
        _ = tab.send(.loadFailed("database is locked"))
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.status?.kind, .error)
        XCTAssertTrue(tab.status?.text.contains("database is locked") == true)
    }

    func test_editStartsFromTheStoredSettingsAndTypingChangesOnlyTheDraft() {
        var tab = tab(axiad)
        XCTAssertEqual(tab.mode, .editing)
        XCTAssertEqual(tab.draft.configuration, axiad)
        _ = tab.send(.setText(.defaultRelayState, "https://access-access-user-infinidim.demo.axiadids.net/auth/realms/master/"))
        _ = tab.send(.chooseNameIDFormat(.persistent))
        XCTAssertEqual(tab.saved, axiad)
        XCTAssertEqual(tab.shown.nameIDFormat, .persistent)
        XCTAssertEqual(tab.shown.defaultRelayState, "https://access-access-user-infinidim.demo.axiadids.net/auth/realms/master/")
        XCTAssertTrue(tab.hasUnsavedChanges)
    }

    func test_acsURLMustBeAnAbsoluteHTTPSURLWithHTTPOnlyForLoopback() {
        var tab = tab()
        let cases: [(String, String?)] = [
            ("", "required"),
            ("axiad.example.com/acs", "absolute URL"),
            ("/saml/acs", "absolute URL"),
            ("https://axiad.example.com/sa ml/acs", "spaces"),
            ("http://axiad.example.com/acs", "https"),
            ("ftp://axiad.example.com/acs", "https"),
            ("http://127.0.0.1:8080/acs", nil),
            ("http://localhost/acs", nil),
            ("https://axiad.example.com/acs", nil),
            ("  https://axiad.example.com/acs  ", nil),
        ]
        for (text, reason) in cases {
            _ = tab.send(.setText(.acsURL, text))
            if let reason {
                XCTAssertTrue(tab.problems[.acsURL]?.contains(reason) == true, "\(text): \(tab.problems[.acsURL] ?? "no problem")")
            } else {
                XCTAssertNil(tab.problems[.acsURL], text)
            }
        }
    }

    func test_audienceURIIsRequiredWithoutSpacesAndHeldToURLRulesOnlyWhenAURL() {
        var tab = tab()
        let cases: [(String, String?)] = [
            ("", "required"),
            ("urn:axiad:sp entity", "spaces"),
            ("http://axiad.example.com/sp", "https"),
            ("urn:amazon:webservices", nil),
            ("https://access-user-infinidim.demo.axiadids.net/auth/realms/master/broker/okta-infinidim/endpoint", nil),
        ]
        for (text, reason) in cases {
            _ = tab.send(.setText(.audienceURI, text))
            if let reason {
                XCTAssertTrue(tab.problems[.audienceURI]?.contains(reason) == true, "\(text): \(tab.problems[.audienceURI] ?? "no problem")")
            } else {
                XCTAssertNil(tab.problems[.audienceURI], text)
            }
        }
    }

    func test_defaultRelayStateIsOptionalButAURLThereMustBeHTTPS() {
        var tab = tab()
        for (text, reason) in [("", nil), ("/dashboard", nil), ("https://axiad.example.com/home", nil),
                               ("http://axiad.example.com/home", "https"), ("/dash board", "spaces")] as [(String, String?)] {
            _ = tab.send(.setText(.defaultRelayState, text))
            if let reason {
                XCTAssertTrue(tab.problems[.defaultRelayState]?.contains(reason) == true, "\(text): \(tab.problems[.defaultRelayState] ?? "none")")
            } else {
                XCTAssertNil(tab.problems[.defaultRelayState], text)
            }
        }
    }

    func test_applicationUsernameChoicesAndACustomExpressionThatMustParse() {
        var tab = tab(axiad)
        XCTAssertEqual(tab.draft.usernameKind, .email)
        _ = tab.send(.chooseApplicationUsername(.emailPrefix))
        XCTAssertEqual(tab.shown.applicationUsername.expression, #"String.substringBefore(user.email, "@")"#)
        // Custom starts from the current choice's expression.
        _ = tab.send(.chooseApplicationUsername(.custom))
        XCTAssertEqual(tab.draft.customExpression, #"String.substringBefore(user.email, "@")"#)
        XCTAssertNil(tab.problems[.applicationUsername])

        _ = tab.send(.setText(.applicationUsername, "String.toLowerCase(user.email"))
        XCTAssertTrue(tab.problems[.applicationUsername]?.contains("does not parse") == true, tab.problems[.applicationUsername] ?? "none")
        _ = tab.send(.setText(.applicationUsername, "mail"))
        XCTAssertTrue(tab.problems[.applicationUsername]?.contains("user.<attribute>") == true, tab.problems[.applicationUsername] ?? "none")
        _ = tab.send(.setText(.applicationUsername, "  "))
        XCTAssertTrue(tab.problems[.applicationUsername]?.contains("enter an expression") == true)
        _ = tab.send(.setText(.applicationUsername, "String.toLowerCase(user.firstName) + \".\" + user.lastName"))
        XCTAssertNil(tab.problems[.applicationUsername])

        // A broken custom expression stops mattering once another choice is taken, and is kept for coming back.
        _ = tab.send(.setText(.applicationUsername, "user."))
        XCTAssertNotNil(tab.problems[.applicationUsername])
        _ = tab.send(.chooseApplicationUsername(.oktaUsername))
        XCTAssertNil(tab.problems[.applicationUsername])
        XCTAssertEqual(tab.shown.applicationUsername, .oktaUsername)
        _ = tab.send(.chooseApplicationUsername(.custom))
        XCTAssertEqual(tab.draft.customExpression, "user.")
    }

    func test_saveRefusesInvalidFieldsAndSaysWhichOnes() {
        var tab = tab()
        _ = tab.send(.setText(.acsURL, "http://axiad.example.com/acs"))
        XCTAssertEqual(tab.send(.save), [])
        XCTAssertEqual(tab.mode, .editing)
        XCTAssertEqual(Set(tab.problems.keys), [.acsURL, .audienceURI])
        XCTAssertEqual(tab.status, .error("Fix ACS URL and Audience URI before saving."))
    }

    func test_saveSendsTrimmedSettingsAndReturnsToTheReadView() {
        var tab = tab()
        _ = tab.send(.setText(.acsURL, " \(axiad.acsURL) "))
        _ = tab.send(.setText(.audienceURI, axiad.audienceURI))
        _ = tab.send(.setText(.defaultRelayState, axiad.defaultRelayState + "\n"))
        _ = tab.send(.chooseNameIDFormat(.emailAddress))
        _ = tab.send(.chooseApplicationUsername(.email))
        XCTAssertEqual(tab.send(.save), [.save(appID: 7, axiad)])
        XCTAssertTrue(tab.isSaving)
        XCTAssertEqual(tab.send(.save), [], "a second Save while saving sends nothing")
        XCTAssertEqual(tab.send(.saved(axiad)), [])
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.saved, axiad)
        XCTAssertFalse(tab.isSaving)
        XCTAssertEqual(tab.status, .info("Saved."))
    }

    func test_savingTheFormKeepsTheAttributeStatementsItDoesNotEdit() {
        var stored = axiad
        stored.attributeStatements = [AttributeStatement(name: "department", expression: "user.department")]
        var tab = tab(stored)
        _ = tab.send(.setText(.defaultRelayState, ""))
        var expected = stored
        expected.defaultRelayState = ""
        XCTAssertEqual(tab.send(.save), [.save(appID: 7, expected)])
    }

    func test_saveWithoutChangesJustLeavesEdit() {
        var tab = tab(axiad)
        XCTAssertEqual(tab.send(.save), [])
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.status, .info("No changes to save."))
    }

    func test_aFailedSaveKeepsTheDraftToRetry() {
        var tab = tab(axiad)
        _ = tab.send(.chooseNameIDFormat(.transient))
        XCTAssertEqual(tab.send(.save).count, 1)
        _ = tab.send(.saveFailed("database is locked"))
        XCTAssertEqual(tab.mode, .editing)
        XCTAssertFalse(tab.isSaving)
        XCTAssertEqual(tab.shown.nameIDFormat, .transient)
        XCTAssertEqual(tab.status, .error("Not saved: database is locked"))
        XCTAssertEqual(tab.send(.save).count, 1)
    }

    func test_cancelDropsTheDraftAndItsProblems() {
        var tab = tab(axiad)
        _ = tab.send(.setText(.acsURL, "not a url"))
        XCTAssertNotNil(tab.problems[.acsURL])
        XCTAssertEqual(tab.send(.cancel), [])
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.shown, axiad)
        XCTAssertTrue(tab.problems.isEmpty)
        _ = tab.send(.edit)
        XCTAssertEqual(tab.draft.acsURL, axiad.acsURL, "Edit after Cancel starts from the stored settings again")
    }

    func test_leavingWithoutChangesClosesAtOnce() {
        var reading = tab(axiad, editing: false)
        XCTAssertEqual(reading.send(.leave), [.close])
        var editingUnchanged = tab(axiad)
        XCTAssertEqual(editingUnchanged.send(.leave), [.close])
    }

    func test_leavingWithUnsavedChangesAsksFirst() {
        var tab = tab(axiad)
        _ = tab.send(.chooseNameIDFormat(.unspecified))
        XCTAssertEqual(tab.send(.leave), [])
        XCTAssertTrue(tab.confirmingLeave)
        XCTAssertTrue(tab.status?.text.contains("unsaved changes") == true)

        XCTAssertEqual(tab.send(.stay), [])
        XCTAssertFalse(tab.confirmingLeave)
        XCTAssertEqual(tab.mode, .editing)
        XCTAssertEqual(tab.shown.nameIDFormat, .unspecified, "keep editing keeps the change")

        XCTAssertEqual(tab.send(.discardAndLeave), [], "discarding needs the prompt first")
        XCTAssertEqual(tab.send(.leave), [])
        XCTAssertEqual(tab.send(.discardAndLeave), [.close])
        XCTAssertEqual(tab.mode, .reading)
        XCTAssertEqual(tab.shown, axiad)
        XCTAssertFalse(tab.confirmingLeave)
    }

    func test_previewNeedsUsableSettingsAndAPerson() {
        var reading = tab(editing: false)
        XCTAssertEqual(reading.send(.previewSAML(login: "jose.nunez")), [])
        XCTAssertEqual(reading.status, .error("Preview SAML needs a valid ACS URL and Audience URI: press Edit."))
        XCTAssertNil(reading.preview)

        var configured = tab(axiad, editing: false)
        XCTAssertEqual(configured.send(.previewSAML(login: " ")), [])
        XCTAssertEqual(configured.status?.kind, .error)
        XCTAssertNil(configured.preview)
    }

    func test_previewMakesTheKeyOnFirstUseThenBuildsFromTheFormsUnsavedSettings() {
        var tab = tab(axiad)
        _ = tab.send(.chooseApplicationUsername(.emailPrefix))
        var previewed = axiad
        previewed.applicationUsername = .emailPrefix
        XCTAssertEqual(tab.send(.previewSAML(login: "jose.nunez")), [.prepareSigningKey(appID: tab.appID)])
        XCTAssertEqual(tab.preview?.phase, .preparingKey)
        XCTAssertEqual(tab.preview?.configuration, previewed)
        XCTAssertEqual(tab.mode, .editing, "previewing does not save or leave Edit")
        XCTAssertTrue(tab.hasUnsavedChanges)
    }

    func test_previewFailureIsShownInThePanel() {
        var tab = tab(axiad, editing: false)
        _ = tab.send(.previewSAML(login: "nobody"))
        _ = tab.send(.signingKeyFailed("the store is read-only"))
        XCTAssertEqual(tab.preview?.phase, .failed("the store is read-only"))
        _ = tab.send(.closePreview)
        XCTAssertNil(tab.preview)
    }

    func test_writingWithoutAReadyPreviewSaysSo() {
        var tab = tab(axiad, editing: false)
        XCTAssertEqual(tab.send(.writePreview(directory: "/tmp")), [])
        XCTAssertEqual(tab.status, .error("There is no preview to write yet."))
    }

    func test_personSearchKeepsOnlyTheAnswerToWhatTheFieldHolds() {
        var tab = tab(axiad, editing: false)
        XCTAssertEqual(tab.send(.searchPeople("jo")), [.findPeople("jo")])
        XCTAssertEqual(tab.send(.searchPeople("jos ")), [.findPeople("jos")])
        let jose = PersonChoice(login: "jose.nunez", name: "José Núñez")
        _ = tab.send(.peopleFound(query: "jos", [jose]))
        _ = tab.send(.peopleFound(query: "jo", [jose, PersonChoice(login: "joan", name: "Joan")]))
        XCTAssertEqual(tab.personChoices, [jose], "a late answer to an earlier keystroke is dropped")
        _ = tab.send(.peopleSearchFailed("database is locked"))
        XCTAssertEqual(tab.personChoices, [])
        XCTAssertEqual(tab.status?.kind, .error)
    }
}
