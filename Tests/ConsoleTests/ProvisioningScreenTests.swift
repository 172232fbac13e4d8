import Foundation
import HTTP
import Provisioning
import SCIM
import Store
import Terminal
import TestSupport
import ViewModels
import XCTest

/// The Provisioning tab at 80×24, stepped (each read's work runs to its end before the next): To App,
/// Attribute Mappings, Integration (against a real scim2-server where it matters), the leave prompt.
final class ProvisioningScreenTests: XCTestCase {
    static let transport: CurlTransport = {
        do {
            return try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: 2, connectTimeout: 5))
        } catch {
            preconditionFailure("libcurl transport did not start: \(error)")
        }
    }()

    private let secret = "s3cr3t-Token-Never-Shown-7c1d"

    /// An Axiad Cloud app as `app add` makes it (catalog mappings, nothing configured) and three people.
    private func workspace(transport: (any HTTPTransport)? = nil) throws -> Workspace {
        let store = try ScimdeckStore()
        _ = try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud (prod)", in: store)
        try store.directory.addPerson(Person(login: "jose.nunez@corp.example", firstName: "José", lastName: "Núñez", email: "jose.nunez@corp.example"))
        try store.directory.addPerson(Person(login: "xiaolong.li@corp.example", firstName: "小龙", lastName: "李", email: "xiaolong.li@corp.example"))
        try store.directory.addPerson(Person(login: "zoe.odegaard@corp.example", firstName: "Zoë", lastName: "Ødegaard", email: "zoe.odegaard@corp.example"))
        return Workspace(store: store, location: "~/.local/share/scimdeck/scimdeck.sqlite", scimTransport: transport)
    }

    private func appID(_ workspace: Workspace) throws -> Int64 { try XCTUnwrap(try workspace.store.apps.all().first?.id) }

    private func settings(_ workspace: Workspace) throws -> ProvisioningSettings {
        try XCTUnwrap(try workspace.store.records(ProvisioningSettings.self).fetch(key: try appID(workspace)))
    }

    private func mappings(_ workspace: Workspace) throws -> [String: String] {
        let rows = try workspace.store.records(Store.AttributeMapping.self).all(appId: try appID(workspace))
        return Dictionary(rows.map { ($0.scimAttribute, $0.expression) }, uniquingKeysWith: { first, _ in first })
    }

    private func shows(_ text: String, _ pattern: String) -> Bool { text.range(of: pattern, options: .regularExpression) != nil }

    /// Opens the app and its Provisioning tab (read from the store as it opens).
    private var openTab: [[InputEvent]] { [key(.enter), typed("3")] }

    private func run(_ workspace: Workspace, _ script: [[InputEvent]], file: StaticString = #filePath, line: UInt = #line) throws -> some ScreenCapture {
        var harness = ConsoleHarness(workspace: workspace)
        harness.offersDemo = false
        return try harness.run(script, file: file, line: line)
    }

    // MARK: To App

    func test_toAppShowsTheTogglesTheSyncPasswordNoteAndTheMappingsAt80x24() throws {
        let terminal = try run(try workspace(), openTab)
        let text = terminal.text
        XCTAssertEqual(terminal.screen.width, 80)
        XCTAssertTrue(text.contains("│ Settings    │ Provisioning to App"), text)
        XCTAssertTrue(text.contains("│▸ To App     │  ☐ Create Users"), text)
        XCTAssertTrue(text.contains("│  Integration│  ☐ Update User Attributes"), text)
        XCTAssertTrue(text.contains("☐ Deactivate Users"), text)
        XCTAssertTrue(text.contains("[e] Edit"), text)
        XCTAssertTrue(text.contains("Sync Password is not offered: Axiad Cloud does not support"), text)
        XCTAssertTrue(text.contains("[u] Show Unmapped Attributes"), text)
        XCTAssertTrue(text.contains("ATTRIBUTE"), text)
        XCTAssertTrue(text.contains("APPLY ON"), text)
        XCTAssertTrue(shows(text, #"▸ userName\s+user\.email  \(fixed by"#), text)
        XCTAssertTrue(shows(text, #"  name\.givenName\s+user\.firstName\s+Create, Update"#), text)
        XCTAssertTrue(text.contains("Create, Update"), text)
        XCTAssertTrue(terminal.trimmedLines[23].contains("e edit"), terminal.trimmedLines[23])
        XCTAssertTrue(terminal.trimmedLines[23].contains("u unmapped"), terminal.trimmedLines[23])
    }

    func test_theSubMenuSwitchesSectionsByKeyOrClickAndHelpListsTheTabsKeys() throws {
        let workspace = try workspace()
        // The sub-menu's lines at 80×24: "▸ To App" on row 4, "Integration" on row 5.
        let clicked = try run(workspace, openTab + [[.mouse(MouseEvent(kind: .leftPress, position: Point(x: 4, y: 5)))]])
        XCTAssertTrue(clicked.text.contains("│▸ Integration│"), clicked.text)
        XCTAssertTrue(clicked.text.contains("[ Configure API Integration ]"), clicked.text)
        let back = try run(workspace, openTab + [typed("i"), typed("t")])
        XCTAssertTrue(back.text.contains("│▸ To App     │"), back.text)
        let help = try run(workspace, openTab + [typed("?")])
        XCTAssertTrue(help.text.contains("Test API Credentials"), help.text)
        XCTAssertTrue(help.text.contains("remove a mapping (asks first)"), help.text)
    }

    func test_editToggleAndSaveWritesTheStore() throws {
        let workspace = try workspace()
        let terminal = try run(workspace, openTab + [typed("e"), typed(" "), key(.down), typed(" "), key(.control("s"))])
        let stored = try settings(workspace)
        XCTAssertTrue(stored.createUsers)
        XCTAssertTrue(stored.updateUserAttributes)
        XCTAssertFalse(stored.deactivateUsers)
        XCTAssertTrue(terminal.text.contains("☑ Create Users"), terminal.text)
        XCTAssertTrue(terminal.text.contains("☑ Update User Attributes"), terminal.text)
        XCTAssertTrue(terminal.text.contains("☐ Deactivate Users"), terminal.text)
        XCTAssertTrue(terminal.text.contains("Saved."), terminal.text)
        XCTAssertTrue(terminal.text.contains("[e] Edit"), "back to viewing after Save")

        // The Save button does the same as Ctrl-S: Tab to it past the checkboxes, then ⏎.
        let byButton = try run(workspace, openTab + [typed("e"), key(.tab), key(.tab), typed(" "), key(.tab), key(.enter)])
        XCTAssertTrue(try settings(workspace).deactivateUsers)
        XCTAssertTrue(byButton.text.contains("☑ Deactivate Users"), byButton.text)
    }

    func test_cancelAndEscLeaveTheStoreAsItWas() throws {
        let workspace = try workspace()
        // Tab four times from Create Users reaches Cancel.
        let cancelled = try run(workspace, openTab + [typed("e"), typed(" "), key(.tab), key(.tab), key(.tab), key(.tab), key(.enter)])
        XCTAssertFalse(try settings(workspace).createUsers)
        XCTAssertTrue(cancelled.text.contains("☐ Create Users"), cancelled.text)
        XCTAssertTrue(cancelled.text.contains("[e] Edit"), cancelled.text)
        let escaped = try run(workspace, openTab + [typed("e"), typed(" "), key(.escape)])
        XCTAssertFalse(try settings(workspace).createUsers)
        XCTAssertTrue(escaped.text.contains("☐ Create Users"), escaped.text)
        XCTAssertTrue(escaped.text.contains("Provisioning to App"), "Esc cancels the edit, it does not leave the app")
    }

    func test_leavingTheTabWithUnsavedChangesAsksFirst() throws {
        let workspace = try workspace()
        let edited = openTab + [typed("e"), typed(" ")]
        let asked = try run(workspace, edited + [typed("1")])
        XCTAssertTrue(asked.text.contains("┌ Unsaved changes"), asked.text)
        XCTAssertTrue(asked.text.contains("[ Keep editing ]  [ Discard changes ]"), asked.text)

        let kept = try run(workspace, edited + [typed("1"), key(.enter)])
        XCTAssertFalse(kept.text.contains("Unsaved changes"), kept.text)
        XCTAssertTrue(kept.text.contains("☑ Create Users"), "Keep editing stays with the edit:\n\(kept.text)")
        XCTAssertTrue(kept.text.contains("Ctrl-S save · Esc cancel"), kept.text)

        let left = try run(workspace, edited + [typed("1"), key(.right), key(.enter)])
        XCTAssertTrue(left.text.contains("Application label"), "Discard changes goes to General:\n\(left.text)")
        let back = try run(workspace, edited + [typed("1"), key(.right), key(.enter), typed("3")])
        XCTAssertTrue(back.text.contains("☐ Create Users"), "the edit was dropped:\n\(back.text)")
        XCTAssertFalse(try settings(workspace).createUsers)

        // Nothing edited: the tabs move with no question.
        let free = try run(workspace, openTab + [key(.tab)])
        XCTAssertFalse(free.text.contains("Unsaved changes"), free.text)
        XCTAssertTrue(free.text.contains("a Assign ▾"), "on the Assignments tab:\n\(free.text)")
    }

    // MARK: Attribute Mappings

    func test_anExpressionWithAParseErrorShowsWhereThenFixedItSavesWithALivePreview() throws {
        let workspace = try workspace()
        let opened = openTab + [key(.down), key(.enter), key(.control("u")), typed("String.toUpperCase(user.firstName")]
        let broken = try run(workspace, opened)
        XCTAssertTrue(broken.text.contains("Edit name.givenName"), broken.text)
        XCTAssertTrue(broken.text.contains("Expression  String.toUpperCase(user.firstName"), broken.text)
        XCTAssertTrue(broken.text.contains("✗ Invalid expression at column "), broken.text)
        XCTAssertTrue(broken.isTakingTextProbe, "the field takes keys while the expression is edited")

        let refused = try run(workspace, opened + [key(.enter)])
        XCTAssertTrue(refused.text.contains("Not saved: Invalid expression"), refused.text)
        XCTAssertEqual(try mappings(workspace)["name.givenName"], "user.firstName")

        let fixed = try run(workspace, opened + [typed(")")])
        XCTAssertFalse(fixed.text.contains("Invalid expression"), fixed.text)
        XCTAssertTrue(fixed.text.contains("→ \"JOSÉ\"  for José Núñez"), fixed.text)

        let saved = try run(workspace, opened + [typed(")"), key(.enter)])
        XCTAssertEqual(try mappings(workspace)["name.givenName"], "String.toUpperCase(user.firstName)")
        XCTAssertTrue(shows(saved.text, #"▸ name\.givenName\s+String\.toUpperCase\(us"#), saved.text)
        XCTAssertFalse(saved.text.contains("Edit name.givenName"), "the editor closed:\n\(saved.text)")
        XCTAssertTrue(saved.text.contains("name.givenName \"JOSÉ\""), "the preview line follows:\n\(saved.text)")
    }

    func test_applyOnTogglesToCreateOnlyAndIsStored() throws {
        let workspace = try workspace()
        let terminal = try run(workspace, openTab + [key(.down), typed("o"), key(.enter)])
        let stored = try workspace.store.records(Store.AttributeMapping.self).all(appId: try appID(workspace))
        XCTAssertEqual(stored.first { $0.scimAttribute == "name.givenName" }?.applyOn, .createOnly)
        XCTAssertTrue(shows(terminal.text, #"name\.givenName\s+user\.firstName\s+Create\s"#), terminal.text)
    }

    func test_removingAMappingAsksFirstAndTheFixedUserNameCannotBeRemoved() throws {
        let workspace = try workspace()
        let asked = try run(workspace, openTab + [key(.down), typed("x")])
        XCTAssertTrue(asked.text.contains("┌ Remove mapping"), asked.text)
        XCTAssertTrue(asked.text.contains("[ Cancel ]  [ Remove ]"), asked.text)
        try run(workspace, openTab + [key(.down), typed("x"), key(.enter)])
        XCTAssertNotNil(try mappings(workspace)["name.givenName"], "Cancel keeps it")
        let removed = try run(workspace, openTab + [key(.down), typed("x"), key(.right), key(.enter)])
        XCTAssertNil(try mappings(workspace)["name.givenName"])
        XCTAssertFalse(removed.text.contains("name.givenName"), removed.text)
        XCTAssertTrue(try run(workspace, openTab).text.contains("Axiad Cloud (prod)"), "the app is still there: x removed a mapping, not the app")

        let fixed = try run(workspace, openTab + [typed("x")])
        XCTAssertFalse(fixed.text.contains("Remove mapping"), fixed.text)
        XCTAssertTrue(fixed.text.contains("userName is fixed by Axiad Cloud and cannot be removed."), fixed.text)
        XCTAssertNotNil(try mappings(workspace)["userName"])
    }

    func test_showUnmappedAttributesListsThemWithTheirSourceAndEnterMapsOne() throws {
        let workspace = try workspace()
        let shown = try run(workspace, openTab + [typed("u")])
        XCTAssertTrue(shown.text.contains("[u] Hide Unmapped Attributes"), shown.text)
        // No transport in this workspace: the standard list, and the note says why.
        XCTAssertTrue(shown.text.contains("Standard SCIM User attributes ("), shown.text)
        XCTAssertTrue(shown.text.contains("▸ name.formatted"), shown.text)
        XCTAssertTrue(shown.text.contains("name.middleName"), shown.text)
        XCTAssertFalse(shown.text.contains("  name.givenName "), "mapped attributes are not listed:\n\(shown.text)")

        let mapped = try run(workspace, openTab + [typed("u"), key(.down), key(.enter)])
        XCTAssertTrue(mapped.text.contains("Map name.middleName"), mapped.text)
        let saved = try run(workspace, openTab + [typed("u"), key(.down), key(.enter), typed("user.middleName"), key(.enter)])
        XCTAssertEqual(try mappings(workspace)["name.middleName"], "user.middleName")
        XCTAssertTrue(shows(saved.text, #"name\.middleName\s+user\.middleName"#), saved.text)
        XCTAssertTrue(saved.text.contains("[u] Show Unmapped Attributes"), saved.text)
    }

    func test_thePreviewPersonPickerSearchesTheDirectoryAndThePreviewLineFollows() throws {
        let workspace = try workspace()
        let start = try run(workspace, openTab)
        XCTAssertTrue(start.text.contains("preview for: José Núñez ▾ [p] → userName"), start.text)
        XCTAssertTrue(start.text.contains("name.givenName \"José\""), start.text)

        let picker = try run(workspace, openTab + [typed("p"), typed("李")])
        XCTAssertTrue(picker.text.contains("┌ Preview person"), picker.text)
        XCTAssertTrue(picker.text.contains("Find  李"), picker.text)
        XCTAssertTrue(picker.text.contains("▸ 小龙 李"), picker.text)
        XCTAssertFalse(picker.text.contains("jose.nunez@corp.example   "), "the search narrowed the list:\n\(picker.text)")

        let picked = try run(workspace, openTab + [typed("p"), typed("李"), key(.enter)])
        XCTAssertFalse(picked.text.contains("Preview person"), picked.text)
        XCTAssertTrue(picked.text.contains("preview for: 小龙 李 ▾ [p] →"), picked.text)
        XCTAssertTrue(picked.text.contains("name.givenName \"小龙\""), picked.text)

        var wide = ConsoleHarness(workspace: workspace, size: TerminalSize(columns: 100, rows: 30))
        wide.offersDemo = false
        let line = try wide.run(openTab + [typed("p"), typed("zo"), key(.enter)])
        XCTAssertTrue(line.text.contains("name.givenName \"Zoë\", name.familyName \"Ødegaard\""), line.text)
    }

    // MARK: Integration

    /// Opens Integration's form: `i`, then Configure API Integration.
    private var configure: [[InputEvent]] { openTab + [typed("i"), key(.enter)] }

    func test_integrationSummaryThenTheFormAndTypedKeysGoToItsFields() throws {
        let workspace = try workspace()
        let summary = try run(workspace, openTab + [typed("i")])
        XCTAssertTrue(summary.text.contains("│  To App     │"), summary.text)
        XCTAssertTrue(summary.text.contains("│ Settings    │ API Integration"), summary.text)
        XCTAssertTrue(summary.text.contains("│▸ Integration│"), summary.text)
        XCTAssertTrue(shows(summary.text, #"Enable API integration\s+☐ off"#), summary.text)
        XCTAssertTrue(shows(summary.text, #"Base URL\s+—"#), summary.text)
        XCTAssertTrue(shows(summary.text, #"API Token\s+not set"#), summary.text)
        XCTAssertTrue(summary.text.contains("[ Configure API Integration ]"), summary.text)

        // `q`, `?` and `:` typed into the Base URL are text, not commands.
        let form = try run(workspace, configure + [typed(" "), key(.tab), typed("http://q?:")])
        XCTAssertTrue(form.text.contains("☑ Enable API integration"), form.text)
        XCTAssertTrue(form.text.contains("Base URL     http://q?:"), form.text)
        XCTAssertFalse(form.text.contains("Keys · any key closes"), form.text)
        XCTAssertTrue(form.text.contains("The base URL must use https (plain http"), form.text)
        XCTAssertTrue(form.trimmedLines[23].contains("Ctrl-T test"), form.trimmedLines[23])
    }

    func test_aTypedOrPastedTokenShowsOnlyBulletsInEveryFrame() throws {
        let workspace = try workspace()
        let typedIn = try run(workspace, configure + [key(.tab), key(.tab), typed(secret)])
        XCTAssertTrue(typedIn.text.contains("API Token    " + String(repeating: "•", count: secret.count)), typedIn.text)
        XCTAssertFalse(typedIn.snapshots.contains { $0.contains(secret) || $0.contains("s3cr3t") || $0.contains("7c1d") }, "the token reached the screen")

        let edited = try run(workspace, configure + [key(.tab), key(.tab), typed(secret), key(.backspace), key(.backspace)])
        XCTAssertTrue(edited.text.contains("API Token    " + String(repeating: "•", count: secret.count - 2) + " "), edited.text)
        let cleared = try run(workspace, configure + [key(.tab), key(.tab), typed(secret), key(.control("u"))])
        XCTAssertFalse(cleared.text.contains("••••"), cleared.text)

        let pasted = try run(workspace, configure + [key(.tab), key(.tab), [.paste(secret + "\n")]])
        XCTAssertTrue(pasted.text.contains(String(repeating: "•", count: secret.count)), pasted.text)
        XCTAssertFalse(pasted.snapshots.contains { $0.contains(secret) }, "a pasted token reached the screen")
    }

    func test_aTokenFileIsReadOnEnterAndShowsAsBulletsWithItsPath() throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("provisioning-screen")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("token")
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: Data((secret + "\n").utf8), attributes: [.posixPermissions: 0o600]))
        var harness = ConsoleHarness(workspace: try workspace(), size: TerminalSize(columns: 120, rows: 30))
        harness.offersDemo = false
        let terminal = try harness.run(configure + [key(.tab), key(.tab), key(.tab), typed(file.path), key(.enter)])
        XCTAssertTrue(terminal.text.contains(String(repeating: "•", count: secret.count)), terminal.text)
        XCTAssertTrue(terminal.text.contains("read from " + file.path), terminal.text)
        XCTAssertFalse(terminal.snapshots.contains { $0.contains(secret) }, "the token read from the file reached the screen")

        let missing = try run(try workspace(), configure + [key(.tab), key(.tab), key(.tab), typed("/nonexistent/token"), key(.enter)])
        XCTAssertTrue(missing.text.contains("Could not read the token from /nonexistent/token"), missing.text)
    }

    func test_saveIsDisabledUntilVerifiedAndAsksSaveAnyway() throws {
        let workspace = try workspace()
        let filled = configure + [typed(" "), key(.tab), typed("https://scim.example.com/v2"), key(.tab), typed(secret)]
        let form = try run(workspace, filled)
        let save = try XCTUnwrap(form.position(of: "[ Save ]"))
        XCTAssertEqual(form.screen[save.x, save.y].style, Theme.mono[.muted], "Save is drawn disabled before a test")
        XCTAssertTrue(form.text.contains("Test API Credentials first"), form.text)

        let asked = try run(workspace, filled + [key(.control("s"))])
        XCTAssertTrue(asked.text.contains("┌ Save anyway?"), asked.text)
        XCTAssertTrue(asked.text.contains("The API credentials were not verified since the last"), asked.text)
        XCTAssertTrue(asked.text.contains("[ Back ]  [ Save anyway ]"), asked.text)

        let declined = try run(workspace, filled + [key(.control("s")), key(.enter)])
        XCTAssertEqual(try settings(workspace).baseURL, "", "Back saves nothing")
        XCTAssertTrue(declined.text.contains("Configure API Integration"), "still editing:\n\(declined.text)")

        let saved = try run(workspace, filled + [key(.control("s")), key(.right), key(.enter)])
        let stored = try settings(workspace)
        XCTAssertEqual(stored.baseURL, "https://scim.example.com/v2")
        XCTAssertTrue(stored.apiIntegrationEnabled)
        XCTAssertEqual(try workspace.store.secrets.get(name: SecretName.apiToken, appId: try appID(workspace))?.revealText(), secret)
        XCTAssertTrue(shows(saved.text, #"API Token\s+••••7c1d"#), saved.text)
        XCTAssertTrue(saved.text.contains("[ Edit ]"), "Configure API Integration becomes Edit once enabled:\n\(saved.text)")
        XCTAssertTrue(saved.text.contains("Saved."), saved.text)
        XCTAssertFalse(saved.snapshots.contains { $0.contains(secret) })
    }

    func test_testAPICredentialsAgainstAScim2ServerFailsOn401AndVerifiesTheRightToken() throws {
        let server = try SCIMServerFixture.start()
        defer { server.stop() }
        let workspace = try workspace(transport: Self.transport)
        let form = configure + [typed(" "), key(.tab), typed(server.baseURL.absoluteString), key(.tab)]
        let refused = try run(workspace, form + [typed("wrong-token-1234567890"), key(.control("t"))])
        XCTAssertTrue(refused.text.contains("✗ The API token was refused (HTTP 401)."), refused.text)
        XCTAssertTrue(refused.snapshots.contains { $0.contains("Testing API credentials…") }, "the spinner line showed while it ran")

        let verified = try run(workspace, form + [typed(server.token), key(.control("t")), key(.tab), key(.tab), key(.tab), key(.enter)])
        XCTAssertTrue(verified.snapshots.contains { $0.contains("✓ Axiad Cloud (prod) was verified successfully!") }, verified.text)
        XCTAssertFalse(verified.text.contains("Save anyway?"), "verified credentials save with no question:\n\(verified.text)")
        XCTAssertEqual(try settings(workspace).baseURL, server.baseURL.absoluteString)
        XCTAssertEqual(try workspace.store.secrets.get(name: SecretName.apiToken, appId: try appID(workspace))?.revealText(), server.token)
        XCTAssertTrue(shows(verified.text, #"Enable API integration\s+☑ on"#), verified.text)
        XCTAssertFalse(verified.snapshots.contains { $0.contains(server.token) }, "the token reached the screen")
    }
}

private extension ScreenCapture {
    /// Where `text` starts on the screen (its first cell), if it shows.
    func position(of text: String) -> Point? {
        for y in 0..<screen.height {
            let line = screen.line(y)
            guard let range = line.range(of: text) else { continue }
            // Columns, not characters: the line may hold wide characters (their continuation cells are not in the text).
            let prefix = String(line[..<range.lowerBound])
            return Point(x: DisplayWidth.of(prefix), y: y)
        }
        return nil
    }

    /// The cursor is placed (a focused field) — the console's sign that typed keys are text.
    var isTakingTextProbe: Bool { cursor != nil }
}
