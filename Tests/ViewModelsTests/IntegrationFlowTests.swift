import Foundation
import SCIM
import Store
import TestSupport
import ViewModels
import XCTest

/// Provisioning → Integration driven through the effect runner: real scim2-server, a closed port, an
/// HTML page where SCIM should be, and the store underneath.
final class IntegrationFlowTests: XCTestCase {
    /// The form as an admin fills it: Configure, Enable, Base URL, token typed.
    private func filledIn(_ world: TabWorld, baseURL: URL, token: String) async -> IntegrationViewModel {
        var model = IntegrationViewModel(appLabel: world.app.label)
        await world.runner.send(.appear, to: &model)
        await world.runner.send(.configure, to: &model)
        await world.runner.send(.setAPIIntegration(true), to: &model)
        await world.runner.send(.editBaseURL(baseURL.absoluteString), to: &model)
        await world.runner.send(.typeToken(token), to: &model)
        return model
    }

    func test_verifiedAgainstScim2ServerThenSavedKeepsOnlyTheLastFourOnScreen() async throws {
        let server = try SCIMServerFixture.shared()
        let world = try TabWorld()
        var model = await filledIn(world, baseURL: server.baseURL, token: server.token)
        XCTAssertFalse(model.isSaveEnabled)

        await world.runner.send(.testCredentials, to: &model)
        XCTAssertTrue(model.credentialTest.succeeded, "\(model.credentialTest)")
        let status = try XCTUnwrap(model.credentialStatusText)
        XCTAssertTrue(status.hasPrefix("✓ Axiad Cloud (test) was verified successfully!"), status)
        XCTAssertTrue(model.isSaveEnabled)

        await world.runner.send(.save, to: &model)
        XCTAssertEqual(model.phase, .summary)
        XCTAssertEqual(model.notice, "Saved.")
        let settings = try world.settings()
        XCTAssertTrue(settings.apiIntegrationEnabled)
        XCTAssertEqual(settings.baseURL, server.baseURL.absoluteString)
        XCTAssertEqual(try world.storedToken(), server.token)
        XCTAssertEqual(model.tokenDisplay, "••••" + String(server.token.suffix(4)))
        XCTAssertFalse(DisplayedText.of(model).contains(server.token))

        // A fresh screen on the same store reads the same summary back.
        var reopened = IntegrationViewModel(appLabel: world.app.label)
        await world.runner.send(.appear, to: &reopened)
        XCTAssertEqual(reopened.saved, model.saved)
        XCTAssertTrue(reopened.apiIntegrationEnabled)
    }

    func test_aRefusedTokenShowsThe401ReasonAndNothingIsSaved() async throws {
        let server = try SCIMServerFixture.shared()
        let world = try TabWorld()
        let wrong = "wrong-\(UUID().uuidString)"
        var model = await filledIn(world, baseURL: server.baseURL, token: wrong)
        await world.runner.send(.testCredentials, to: &model)
        guard case .finished(.unauthorized(status: 401, _)) = model.credentialTest else {
            return XCTFail("expected 401, got \(model.credentialTest)")
        }
        XCTAssertTrue(model.credentialStatusText?.hasPrefix("✗ The API token was refused (HTTP 401).") ?? false, "\(model.credentialStatusText ?? "")")
        XCTAssertFalse(model.isSaveEnabled)
        await world.runner.send(.save, to: &model)
        XCTAssertTrue(model.isConfirmingUnverifiedSave)
        XCTAssertEqual(try world.settings().baseURL, "", "nothing saved before the admin confirms")
        XCTAssertNil(try world.storedToken())
        XCTAssertFalse(DisplayedText.of(model).contains(wrong))
    }

    func test_aClosedPortIsUnreachable() async throws {
        let world = try TabWorld()
        let port = try TestEnvironment.freeLoopbackPort()
        var model = await filledIn(world, baseURL: URL(string: "http://127.0.0.1:\(port)/v2")!, token: "tok-0123456789abcdef")
        await world.runner.send(.testCredentials, to: &model)
        guard case .finished(.unreachable) = model.credentialTest else {
            return XCTFail("expected unreachable, got \(model.credentialTest)")
        }
        XCTAssertTrue(model.credentialStatusText?.hasPrefix("✗ Cannot reach the SCIM service:") ?? false, "\(model.credentialStatusText ?? "")")
        XCTAssertFalse(model.isSaveEnabled)
    }

    func test_anHTMLPageIsNotSCIM() async throws {
        let server = try SCIMServerFixture.shared()
        let proxy = try FaultProxy(upstreamPort: server.port)
        defer { proxy.stop() }
        proxy.inject(.htmlPage(status: 200, title: "Sign in to your portal"), times: 1, pathContains: "/Users")
        let world = try TabWorld()
        var model = await filledIn(world, baseURL: proxy.baseURL, token: server.token)
        await world.runner.send(.testCredentials, to: &model)
        guard case .finished(.notSCIM) = model.credentialTest else {
            return XCTFail("expected not SCIM, got \(model.credentialTest)")
        }
        XCTAssertTrue(model.credentialStatusText?.hasPrefix("✗ Not a SCIM endpoint:") ?? false, "\(model.credentialStatusText ?? "")")
        XCTAssertFalse(model.isSaveEnabled)

        // The same URL verifies once the portal steps aside: the admin can test again.
        await world.runner.send(.testCredentials, to: &model)
        XCTAssertTrue(model.isVerified, "\(model.credentialTest)")
    }

    func test_theRunnerReportsABadURLItself() async throws {
        let world = try TabWorld()
        let intent = await world.runner.run(IntegrationViewModel.Effect.testCredentials(
            baseURL: "ftp://scim.example.com/v2", token: .given(try XCTUnwrap(BearerToken("tok-0123456789"))), revision: 4))
        guard case .credentialsTested(.badURL, revision: 4) = intent else { return XCTFail("expected bad URL, got \(intent)") }
    }

    func test_theTokenIsReadFromAFileAndVerified() async throws {
        let server = try SCIMServerFixture.shared()
        let world = try TabWorld()
        let directory = try TestEnvironment.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("axiad-token.txt")
        try Data((server.token + "\n").utf8).write(to: file)

        var model = await filledIn(world, baseURL: server.baseURL, token: "")
        await world.runner.send(.readTokenFile(path: file.path), to: &model)
        XCTAssertEqual(model.tokenFile, file.path)
        XCTAssertEqual(model.tokenDisplay, String(repeating: "•", count: server.token.count) + " (from \(file.path))")
        await world.runner.send(.testCredentials, to: &model)
        XCTAssertTrue(model.isVerified, "\(model.credentialTest)")
        await world.runner.send(.save, to: &model)
        XCTAssertEqual(try world.storedToken(), server.token, "stored without the file's newline")

        await world.runner.send(.configure, to: &model)
        await world.runner.send(.readTokenFile(path: directory.appendingPathComponent("missing").path), to: &model)
        XCTAssertEqual(model.notice, "Could not read the token from \(directory.appendingPathComponent("missing").path): the file cannot be read")
        XCTAssertTrue(model.tokenInput.isEmpty)

        let broken = directory.appendingPathComponent("two-words.txt")
        try Data("half a token\n".utf8).write(to: broken)
        await world.runner.send(.readTokenFile(path: broken.path), to: &model)
        XCTAssertEqual(model.notice, "Could not read the token from \(broken.path): the file is empty or the token holds spaces or control characters")
        XCTAssertTrue(model.tokenInput.isEmpty)
    }

    func test_theStoredTokenIsTestedWhenNoneIsEntered() async throws {
        let server = try SCIMServerFixture.shared()
        let world = try TabWorld()
        try world.configure(baseURL: server.baseURL, token: server.token)
        var model = IntegrationViewModel(appLabel: world.app.label)
        await world.runner.send(.appear, to: &model)
        XCTAssertEqual(model.saved.tokenHint, "••••" + String(server.token.suffix(4)))
        await world.runner.send(.configure, to: &model)
        await world.runner.send(.testCredentials, to: &model)
        XCTAssertTrue(model.credentialTest.succeeded, "\(model.credentialTest)")
    }
}
