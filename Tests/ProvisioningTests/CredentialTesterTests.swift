import Foundation
import Provisioning
import SCIM
import Store
import XCTest

final class CredentialTesterTests: XCTestCase {
    /// Answers like a SCIM service that holds `total` users for one token, and records what it was sent.
    private final class Service: HTTPTransport, @unchecked Sendable {
        let token: String
        private let lock = NSLock()
        private var sentStore: [HTTPRequest] = []
        var sent: [HTTPRequest] { lock.withLock { sentStore } }

        init(token: String) { self.token = token }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            lock.withLock { sentStore.append(request) }
            guard request.header("Authorization") == "Bearer \(token)" else {
                return HTTPResponse(status: 401, headers: [("Content-Type", "application/scim+json")],
                                    body: Data(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"401","detail":"bad token"}"#.utf8))
            }
            return HTTPResponse(status: 200, headers: [("Content-Type", "application/scim+json")],
                                body: Data(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":3,"startIndex":1,"itemsPerPage":0,"Resources":[]}"#.utf8))
        }
    }

    private func world(baseURL: String, token: String?) throws -> (ScimdeckStore, Saved<AppIntegration>) {
        let store = try ScimdeckStore()
        let app = try store.apps.add(AppIntegration(catalogEntry: Catalog.axiadCloud.id, label: "Axiad"), signOn: SignOnSettings(appId: 0),
                                     provisioning: ProvisioningSettings(appId: 0, baseURL: baseURL), mappings: [])
        if let token { try store.secrets.set(SecretValue(token), name: SecretName.apiToken, appId: app.id) }
        return (store, app)
    }

    func test_theStoredURLAndTokenAreTestedWithOneRequest() async throws {
        let (store, app) = try world(baseURL: "http://127.0.0.1:9/v2", token: "good-token-123")
        let service = Service(token: "good-token-123")
        let check = await CredentialTester(store: store, app: app, transport: service).test()
        XCTAssertEqual(check, .verified(totalUsers: 3))
        XCTAssertEqual(service.sent.map { "\($0.method) \($0.url.absoluteString)" }, ["GET http://127.0.0.1:9/v2/Users?startIndex=1&count=1"])
    }

    func test_theURLAndTokenBeingEnteredWinOverTheStoredOnes() async throws {
        let (store, app) = try world(baseURL: "http://127.0.0.1:9/v2", token: "stale-token-123")
        let service = Service(token: "new-token-4567")
        let tester = CredentialTester(store: store, app: app, transport: service)
        let refused = await tester.test()
        guard case .unauthorized(status: 401, _) = refused else { return XCTFail("\(refused)") }
        let entered = await tester.test(baseURL: " http://127.0.0.1:10/v2 ", token: .given(try XCTUnwrap(BearerToken("new-token-4567"))))
        XCTAssertEqual(entered, .verified(totalUsers: 3))
        XCTAssertEqual(service.sent.last?.url.host, "127.0.0.1")
        XCTAssertEqual(service.sent.last?.url.port, 10)
    }

    func test_aBadURLOrNoTokenIsSaidWithoutSendingAnything() async throws {
        let service = Service(token: "t")
        let (store, app) = try world(baseURL: "http://app.example.com/scim", token: "good-token-123")
        let plainHTTP = await CredentialTester(store: store, app: app, transport: service).test()
        XCTAssertEqual(plainHTTP, .badURL("The base URL must use https (plain http is allowed to a loopback address only)"))
        let (bare, noToken) = try world(baseURL: "https://app.example.com/scim", token: nil)
        let missing = await CredentialTester(store: bare, app: noToken, transport: service).test()
        XCTAssertEqual(missing, .failed("no API token is stored for Axiad"))
        XCTAssertTrue(service.sent.isEmpty)
    }
}
