import Foundation
import SCIM
import TestSupport
import XCTest

/// Never a duplicate: a POST the server committed but never answered is looked up, not re-sent (by
/// libcurl or by scimdeck); a 201 carrying another resource is refused; lookups read every page.
final class SCIMNoDuplicateTests: XCTestCase {
    private var proxy: FaultProxy!
    private var server: SCIMServerFixture!

    override func setUpWithError() throws {
        server = try SCIMServerFixture.shared()
        // Keep-alive, so that a POST could go out on a reused connection: the case where libcurl re-sends by itself.
        proxy = try FaultProxy(upstreamPort: server.port, keepAlive: true)
    }

    override func tearDown() {
        proxy.stop()
    }

    private func client(observer: (@Sendable (SCIMExchange) -> Void)? = nil) throws -> SCIMClient {
        try SCIMTestClients.client(proxy.baseURL, token: server.token, observer: observer)
    }

    func test_postIsNeverResentByCurlWhenTheGroupWasCommittedAndTheConnectionDropped() async throws {
        let name = SCIMTestClients.uniqueName("dropgroup")
        let recorder = ExchangeRecorder()
        let client = try client(observer: recorder.record)
        // Opens a connection that libcurl keeps for the next request.
        _ = try await client.findGroups(displayName: name)
        proxy.inject(.commitThenDrop, method: "POST", pathContains: "/Groups")
        let created = try await client.createGroup(SCIMGroup(displayName: name))

        XCTAssertEqual(created.displayName, name)
        XCTAssertEqual(proxy.seen.filter { $0.method == "POST" }.count, 1, "the server saw the POST more than once: \(proxy.seen)")
        let (direct, _) = try SCIMTestClients.server()
        let groups = try await direct.findGroups(displayName: name)
        XCTAssertEqual(groups.count, 1, "groups named \(name) in the server")
        XCTAssertEqual(groups.first?.id, created.id)
        // Every request the server saw is in the log, and nothing more.
        XCTAssertEqual(recorder.exchanges.map(\.request.method), proxy.seen.map(\.method))
    }

    func test_postIsNeverResentByCurlWhenTheUserWasCommittedAndTheConnectionDropped() async throws {
        let name = SCIMTestClients.uniqueName("dropuser")
        let recorder = ExchangeRecorder()
        let client = try client(observer: recorder.record)
        _ = try await client.findUser(userName: name)
        proxy.inject(.commitThenDrop, method: "POST", pathContains: "/Users")
        let created = try await client.createUser(SCIMUser(userName: name))

        XCTAssertEqual(created.userName, name)
        XCTAssertEqual(proxy.seen.map(\.method), ["GET", "POST", "GET"], "\(proxy.seen)")
        let (direct, _) = try SCIMTestClients.server()
        let users = try await direct.list(SCIMUser.self, filter: SCIMFilter.equals("userName", name))
        XCTAssertEqual(users.totalResults, 1)
        XCTAssertEqual(recorder.exchanges.count, proxy.seen.count, "a request the server saw is missing from the log")
    }

    /// libcurl still re-sends a GET (safe to repeat) when its reused connection dies unanswered; the
    /// log shows both sends the server saw, not one.
    func test_getResentByCurlIsLoggedTwice() async throws {
        let recorder = ExchangeRecorder()
        let client = try client(observer: recorder.record)
        let name = SCIMTestClients.uniqueName("resent")
        _ = try await client.findUser(userName: name)
        proxy.inject(.commitThenDrop, method: "GET")
        _ = try await client.findUser(userName: name)
        XCTAssertEqual(proxy.seen.count, 3, "libcurl did not re-send the GET: the test shows nothing (\(proxy.seen))")
        XCTAssertEqual(recorder.exchanges.count, proxy.seen.count, "a request the server saw is missing from the log")
        XCTAssertEqual(recorder.exchanges.map(\.status), [200, nil, 200])
    }

    func test_createdUserWithAnotherUserNameIsRefused() async throws {
        let name = SCIMTestClients.uniqueName("foreign")
        proxy.inject(.rewriteResource(["userName": "someone-else@corp.example"]), method: "POST")
        do {
            let created = try await client().createUser(SCIMUser(userName: name))
            XCTFail("a 201 with another user was taken: \(created.attributes)")
        } catch let error as SCIMClientError {
            guard case .foreignResource(_, let attribute, let sent, let got, _) = error.kind else { return XCTFail("\(error)") }
            XCTAssertEqual(attribute, "userName")
            XCTAssertEqual(sent, name)
            XCTAssertEqual(got, "someone-else@corp.example")
            XCTAssertTrue(error.description.contains("refused, not linked"), error.description)
        }
    }

    func test_createdGroupWithAnotherDisplayNameIsRefused() async throws {
        let name = SCIMTestClients.uniqueName("foreigngroup")
        proxy.inject(.rewriteResource(["displayName": "Domain Admins"]), method: "POST")
        do {
            _ = try await client().createGroup(SCIMGroup(displayName: name))
            XCTFail("a 201 with another group was taken")
        } catch let error as SCIMClientError {
            guard case .foreignResource(_, "displayName", name, "Domain Admins", _) = error.kind else { return XCTFail("\(error)") }
        }
    }

    /// A user differing only by case is the same user (userName is case-insensitive).
    func test_createdUserWithTheSameUserNameInAnotherCaseIsAccepted() async throws {
        let name = SCIMTestClients.uniqueName("casey")
        proxy.inject(.rewriteResource(["userName": name.uppercased()]), method: "POST")
        let created = try await client().createUser(SCIMUser(userName: name))
        XCTAssertEqual(created.userName, name.uppercased())
    }

    /// A timeout is ambiguous: the user is looked up before anything else, and the POST is not sent again
    /// (the server may still be working on it; the next run looks it up first too).
    func test_timedOutPostIsLookedUpNotResent() async throws {
        let name = SCIMTestClients.uniqueName("slowpost")
        proxy.inject(.delay(1.5), method: "POST")
        let client = try SCIMTestClients.client(proxy.baseURL, token: server.token, timeout: 0.5)
        do {
            _ = try await client.createUser(SCIMUser(userName: name))
            XCTFail("the slow POST was taken for an answer")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.kind, .transport(.timedOut(seconds: 0.5)))
        }
        XCTAssertEqual(proxy.seen.map(\.method), ["POST", "GET"], "\(proxy.seen)")
        XCTAssertTrue(proxy.seen.last?.target.contains("filter=userName") == true, "\(proxy.seen)")
    }

    /// More than 100 matches: the lookup pages past the first 100, starting as Okta does.
    func test_lookupReadsEveryPage() async throws {
        let name = SCIMTestClients.uniqueName("paged")
        let (direct, _) = try SCIMTestClients.server()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<105 {
                group.addTask { _ = try await direct.create(SCIMGroup(displayName: name)) { nil } }
            }
            try await group.waitForAll()
        }
        let found = try await client().findGroups(displayName: name)
        XCTAssertEqual(found.count, 105)
        XCTAssertEqual(Set(found.compactMap(\.id)).count, 105)
        let lookups = proxy.seen.filter { $0.method == "GET" }
        XCTAssertEqual(lookups.count, 2, "\(lookups)")
        XCTAssertTrue(lookups.first?.target.hasSuffix("&startIndex=1&count=100") == true, lookups.first?.target ?? "")
        XCTAssertTrue(lookups.last?.target.contains("startIndex=101") == true, lookups.last?.target ?? "")
    }
}
