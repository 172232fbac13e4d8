import Foundation
import JSON
import SCIM
import XCTest

/// The Bulk codec and the client's splitting, against a transport that answers from a script.
final class SCIMBulkTests: XCTestCase {
    private func client(_ transport: ScriptedTransport) throws -> SCIMClient {
        let base = try XCTUnwrap(URL(string: "https://app.example/scim/v2"))
        let token = try XCTUnwrap(BearerToken("t0ken"))
        return SCIMClient(configuration: SCIMClientConfiguration(baseURL: base, token: token, retry: .never), transport: transport)
    }

    private func deactivate(_ id: String) -> SCIMBulkOperation {
        .patch(SCIMUser.endpoint, id: id, [SCIMPatchOperation(op: .replace, path: "active", value: .bool(false))])
    }

    func test_bulkRequestEncodesMethodPathDataVersionAndBulkId() throws {
        var operation = deactivate("a b")
        operation.version = #"W/"3""#
        operation.bulkId = "op1"
        let json = SCIMBulkRequest([operation], failOnErrors: 2).json
        XCTAssertEqual(json["schemas"], [.string(SCIMSchemaURN.bulkRequest)])
        XCTAssertEqual(json["failOnErrors"], 2)
        let encoded = try XCTUnwrap(json["Operations"]?.arrayValue?.first)
        XCTAssertEqual(encoded["method"], "PATCH")
        XCTAssertEqual(encoded["path"], "/Users/a%20b")
        XCTAssertEqual(encoded["version"], .string(#"W/"3""#))
        XCTAssertEqual(encoded["bulkId"], "op1")
        XCTAssertEqual(encoded["data"]?["Operations"]?.arrayValue?.first?["path"], "active")
    }

    func test_bulkResponseDecodesStatusAsStringOrNumberLocationAndResponse() throws {
        let json = try JSONValue.parse(Data(#"""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkResponse"],"Operations":[
          {"method":"PATCH","bulkId":"op1","location":"https://app.example/scim/v2/Users/1","version":"W/\"2\"","status":"200"},
          {"method":"PATCH","bulkId":"op2","status":404,"response":{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"404","detail":"Resource 2 not found"}}]}
        """#.utf8))
        let response = try SCIMBulkResponse(json: json)
        XCTAssertEqual(response.operations.count, 2)
        XCTAssertEqual(response.operations[0].status, 200)
        XCTAssertEqual(response.operations[0].location, "https://app.example/scim/v2/Users/1")
        XCTAssertEqual(response.operations[0].version, #"W/"2""#)
        XCTAssertTrue(response.operations[0].succeeded)
        let error = try XCTUnwrap(response.operations[1].error(for: deactivate("2")))
        XCTAssertEqual(error.status, 404)
        XCTAssertEqual(error.detail, "Resource 2 not found")
        XCTAssertTrue(error.description.contains("PATCH Bulk /Users/2 failed: HTTP 404"), error.description)
    }

    func test_malformedBulkResponsesAreClearErrorsNeverACrash() async throws {
        let bodies: [(String, String)] = [
            (#"{"Operations":"nope"}"#, "Operations is a string, not an array"),
            (#"{"schemas":[]}"#, "has no Operations"),
            (#"{"Operations":[{"method":"PATCH","bulkId":"op1"}]}"#, "operation 1 of the BulkResponse: a BulkResponse operation has no status"),
            (#"{"Operations":[42]}"#, "is a number, not an object"),
            (#"{"Operations":[{"status":"2"#, "malformed or truncated JSON"),
            ("<html><title>502 Bad Gateway</title></html>", "502 Bad Gateway"),
        ]
        for (body, expected) in bodies {
            let transport = ScriptedTransport([HTTPResponse(status: 200, body: Data(body.utf8))])
            let results = try await client(transport).bulk([deactivate("1"), deactivate("2")], maxOperations: 10, maxPayloadSize: nil)
            XCTAssertEqual(results.count, 2)
            for result in results {
                guard case .failure(let error) = result else { return XCTFail("\(body) was read as a success") }
                XCTAssertTrue(error.description.contains(expected), "\(body): \(error.description)")
            }
        }
    }

    func test_perOperationFailureIsThatOperationsErrorAndTheRestSucceed() async throws {
        // The provider answers out of order: results are matched by bulkId.
        let transport = ScriptedTransport([HTTPResponse(status: 200, body: Data(#"""
        {"Operations":[{"bulkId":"op2","status":"404","response":{"detail":"User 2 not found","status":"404"}},
                       {"bulkId":"op1","status":"200"},{"bulkId":"op3","status":"200"}]}
        """#.utf8))])
        let results = try await client(transport).bulk([deactivate("1"), deactivate("2"), deactivate("3")], maxOperations: 10, maxPayloadSize: nil)
        XCTAssertNoThrow(try results[0].get())
        XCTAssertThrowsError(try results[1].get()) { error in
            XCTAssertEqual((error as? SCIMClientError)?.status, 404)
            XCTAssertEqual((error as? SCIMClientError)?.detail, "User 2 not found")
        }
        XCTAssertNoThrow(try results[2].get())
        XCTAssertEqual(transport.requests.map { "\($0.method) \($0.url.path)" }, ["POST /scim/v2/Bulk"])
    }

    func test_operationsAreSplitByMaxOperationsAndMaxPayloadSize() throws {
        let operations = (1...5).map { deactivate(String($0)) }
        XCTAssertEqual(SCIMBulkRequest.split(operations, maxOperations: 2, maxPayloadSize: nil).requests, [[0, 1], [2, 3], [4]])
        let one = operations[0].json.encoded().count + 1
        let envelope = SCIMBulkRequest([]).json.encoded().count
        let split = SCIMBulkRequest.split(operations, maxOperations: 100, maxPayloadSize: envelope + 3 * one)
        XCTAssertEqual(split.requests, [[0, 1, 2], [3, 4]])
        let tiny = SCIMBulkRequest.split(operations, maxOperations: 100, maxPayloadSize: envelope + one - 1)
        XCTAssertEqual(tiny.requests, [])
        XCTAssertEqual(tiny.tooLarge, [0, 1, 2, 3, 4])
    }

    func test_eachBulkRequestStaysWithinTheLimitsAndAnOversizedOperationIsNotSent() async throws {
        let ok = HTTPResponse(status: 200, body: Data(#"{"Operations":[]}"#.utf8))
        let transport = ScriptedTransport([ok, ok])
        var operations = (1...3).map { deactivate(String($0)) }
        operations.append(.patch(SCIMUser.endpoint, id: "4", [SCIMPatchOperation(op: .replace, path: "title", value: .string(String(repeating: "x", count: 4000)))]))
        let results = try await client(transport).bulk(operations, maxOperations: 2, maxPayloadSize: 2000)
        XCTAssertEqual(transport.requests.count, 2)
        for request in transport.requests {
            XCTAssertLessThanOrEqual(request.body?.count ?? 0, 2000)
            let sent = try JSONValue.parse(try XCTUnwrap(request.body))["Operations"]?.arrayValue?.count ?? 0
            XCTAssertLessThanOrEqual(sent, 2)
        }
        guard case .failure(let error) = results[3] else { return XCTFail("the oversized operation was reported sent") }
        XCTAssertTrue(error.description.contains("more than the provider's Bulk maxPayloadSize of 2000"), error.description)
        // The provider answered nothing of the three it was sent: each says so rather than passing as done.
        for result in results.prefix(3) {
            guard case .failure(let error) = result else { return XCTFail("an unanswered operation was taken as done") }
            XCTAssertTrue(error.description.contains("says nothing of this operation"), error.description)
        }
    }

    func test_aFailedBulkRequestIsEveryOperationsFailure() async throws {
        let transport = ScriptedTransport([HTTPResponse(status: 413, body: Data(#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"413","detail":"too many"}"#.utf8))])
        let results = try await client(transport).bulk([deactivate("1"), deactivate("2")], maxOperations: 10, maxPayloadSize: nil)
        for result in results {
            guard case .failure(let error) = result else { return XCTFail("taken as done") }
            XCTAssertEqual(error.status, 413)
            XCTAssertEqual(error.detail, "too many")
        }
    }
}

/// Answers each request with the next scripted response, and keeps what it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [HTTPResponse]
    private var sent: [HTTPRequest] = []

    init(_ responses: [HTTPResponse]) {
        self.responses = responses
    }

    var requests: [HTTPRequest] { lock.withLock { sent } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try lock.withLock {
            sent.append(request)
            guard !responses.isEmpty else { throw TransportError.failed(code: 7, detail: "no scripted response left") }
            return responses.removeFirst()
        }
    }
}

/// The Bulk call against scim2-server itself.
final class SCIMBulkServerTests: XCTestCase {
    func test_aMissingUserFailsAloneWithTheServersDetailAndTheOthersAreDone() async throws {
        let (client, _) = try SCIMTestClients.server()
        var created: [String] = []
        for _ in 0..<2 {
            let user = try await client.createUser(SCIMUser(userName: SCIMTestClients.uniqueName("bulk")))
            created.append(try XCTUnwrap(user.id))
        }
        let ids = [created[0], "no-such-user-\(UUID().uuidString)", created[1]]
        let operations = ids.map {
            SCIMBulkOperation.patch(SCIMUser.endpoint, id: $0, [SCIMPatchOperation(op: .replace, path: "title", value: "Bulk")])
        }

        let results = await client.bulk(operations, maxOperations: 1000, maxPayloadSize: nil)

        XCTAssertEqual(try results[0].get().status, 200)
        XCTAssertEqual(try results[2].get().status, 200)
        XCTAssertThrowsError(try results[1].get()) { error in
            let error = error as? SCIMClientError
            XCTAssertEqual(error?.status, 404)
            XCTAssertFalse(error?.detail?.isEmpty ?? true, "the server's own detail is kept")
        }
        for id in created {
            let title = try await client.get(SCIMUser.self, id: id)[attribute: "title"]
            XCTAssertEqual(title, "Bulk")
        }
    }
}
