import Foundation
import SCIM
import Store

/// **Test API Credentials** for an app: the Integration tab's button and `scimdeck app test` both ask here.
/// The base URL and token are the ones being entered when given, else the app's stored ones; the URL is
/// held to `BaseURLRule` before anything is sent, and the test is one request, never retried.
public struct CredentialTester: Sendable {
    public let store: ScimdeckStore
    public let app: Saved<AppIntegration>
    public let transport: any HTTPTransport

    public init(store: ScimdeckStore, app: Saved<AppIntegration>, transport: any HTTPTransport) {
        self.store = store
        self.app = app
        self.transport = transport
    }

    /// Which token to test with.
    public enum Token: Sendable, Equatable {
        case given(BearerToken)
        case stored
    }

    public func test(baseURL: String? = nil, token: Token = .stored) async -> SCIMCredentialCheck {
        let chosenToken: BearerToken?
        switch token {
        case .given(let given): chosenToken = given
        case .stored:
            do {
                chosenToken = try store.secrets.get(name: SecretName.apiToken, appId: app.id)?.revealText().flatMap(BearerToken.init)
            } catch {
                return .failed("the stored API token cannot be read: \(error)")
            }
        }
        let url: String
        if let baseURL {
            url = baseURL.trimmingCharacters(in: .whitespaces)
        } else {
            url = (try? await store.records(ProvisioningSettings.self).read(key: app.id))??.baseURL ?? ""
        }
        return await Self.test(baseURL: url, token: chosenToken, appLabel: app.label, transport: transport)
    }

    /// The test itself, for a URL and token that belong to no app yet.
    public static func test(baseURL: String, token: BearerToken?, appLabel: String, transport: any HTTPTransport) async -> SCIMCredentialCheck {
        if let problem = BaseURLRule.problem(baseURL) { return .badURL(problem) }
        guard let url = URL(string: baseURL) else { return .badURL("\"\(baseURL)\" is not a URL") }
        guard let token else { return .failed("no API token is stored for \(appLabel)") }
        let client = SCIMClient(configuration: SCIMClientConfiguration(baseURL: url, token: token, retry: .never), transport: transport)
        return await client.testCredentials()
    }
}
