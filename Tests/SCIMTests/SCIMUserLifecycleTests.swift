import Foundation
import SCIM
import TestSupport
import XCTest

/// Users against a real scim2-server: the operations the provisioning engine sends.
final class SCIMUserLifecycleTests: XCTestCase {
    func test_createdUserIsFoundIgnoringCase() async throws {
        let (client, _) = try SCIMTestClients.server()
        let name = SCIMTestClients.uniqueName("Ada.Lovelace")
        var user = SCIMUser(userName: name)
        user.name = SCIMName(givenName: "Ada", familyName: "Lovelace")
        user[attribute: "title"] = "Analyst"
        let created = try await client.createUser(user)
        XCTAssertNotNil(created.id)
        XCTAssertEqual(created.userName, name)
        XCTAssertNotNil(created.meta?.version, "scim2-server announces ETags")

        let found = try await client.findUser(userName: name.uppercased())
        XCTAssertEqual(found?.id, created.id)
        XCTAssertEqual(found?[attribute: "title"], "Analyst")
        let missing = try await client.findUser(userName: name + "-nobody")
        XCTAssertNil(missing)
    }

    func test_filterValueWithQuoteAndBackslashIsEscaped() async throws {
        let (client, _) = try SCIMTestClients.server()
        let name = SCIMTestClients.uniqueName(#"odd"name\with"#)
        let created = try await client.createUser(SCIMUser(userName: name))
        let found = try await client.findUser(userName: name)
        XCTAssertEqual(found?.id, created.id)
        XCTAssertEqual(SCIMFilter.equals("userName", #"a"b\c"#), #"userName eq "a\"b\\c""#)
    }

    func test_replaceKeepsUnmappedAttributesAndSendsIfMatch() async throws {
        let (client, _) = try SCIMTestClients.server(useETags: true)
        var user = SCIMUser(userName: SCIMTestClients.uniqueName("grace"))
        user[attribute: "nickName"] = "Amazing Grace"
        let created = try await client.createUser(user)
        var changed = try await client.get(SCIMUser.self, id: try XCTUnwrap(created.id))
        changed.displayName = "Grace Hopper"
        let replaced = try await client.replace(changed)
        XCTAssertEqual(replaced.displayName, "Grace Hopper")
        XCTAssertEqual(replaced[attribute: "nickName"], "Amazing Grace", "attributes scimdeck does not map survive the PUT")
        let readVersion = try XCTUnwrap(changed.meta?.version)
        XCTAssertNotEqual(replaced.meta?.version, readVersion, "the replace made a new version")

        // The version read before the replace is stale now: the provider refuses it.
        do {
            _ = try await client.replace(changed)
            XCTFail("a stale If-Match was accepted")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.status, 412)
            XCTAssertEqual(error.request?.method, "PUT")
            XCTAssertTrue(error.request?.headers.contains("If-Match: \(readVersion)") ?? false, "\(error.request?.headers ?? [])")
        }
    }

    func test_patchDeactivatesAndReactivates() async throws {
        let (client, _) = try SCIMTestClients.server()
        let created = try await client.createUser(SCIMUser(userName: SCIMTestClients.uniqueName("linus")))
        let id = try XCTUnwrap(created.id)
        XCTAssertTrue(created.active)
        try await client.setActive(userId: id, false)
        let deactivated = try await client.get(SCIMUser.self, id: id)
        XCTAssertFalse(deactivated.active)
        try await client.setActive(userId: id, true)
        let reactivated = try await client.get(SCIMUser.self, id: id)
        XCTAssertTrue(reactivated.active)

        let patched: SCIMUser? = try await client.patch(SCIMUser.self, id: id, [SCIMPatchOperation(op: .replace, path: "displayName", value: "Linus T.")])
        XCTAssertNil(patched, "scim2-server answers PATCH with 204 and no body")
        let renamed = try await client.get(SCIMUser.self, id: id)
        XCTAssertEqual(renamed.displayName, "Linus T.")
    }

    func test_duplicateUserNameIs409Uniqueness() async throws {
        let (client, _) = try SCIMTestClients.server()
        let name = SCIMTestClients.uniqueName("dup")
        _ = try await client.createUser(SCIMUser(userName: name))
        do {
            _ = try await client.createUser(SCIMUser(userName: name.uppercased()))
            XCTFail("a duplicate userName was created")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.status, 409)
            XCTAssertEqual(error.scimType, "uniqueness")
            XCTAssertEqual(error.attempts, 1, "a 409 is not retried")
            XCTAssertEqual(error.request?.method, "POST")
            XCTAssertTrue(error.description.contains("HTTP 409"), error.description)
        }
    }

    func test_wrongTokenIs401WithRedactedRequest() async throws {
        let server = try SCIMServerFixture.shared()
        let client = try SCIMTestClients.client(server.baseURL, token: "wrong-token-123")
        do {
            _ = try await client.findUser(userName: "anyone")
            XCTFail("a wrong token was accepted")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.status, 401)
            XCTAssertEqual(error.attempts, 1)
            let dump = try XCTUnwrap(error.request?.dump)
            XCTAssertTrue(dump.contains("Authorization: Bearer ****"), dump)
            XCTAssertFalse(dump.contains("wrong-token-123"))
            XCTAssertFalse(error.description.contains("wrong-token-123"))
            XCTAssertFalse("\(error)".contains("wrong-token-123"))
        }
    }

    func test_getUnknownIdIs404() async throws {
        let (client, _) = try SCIMTestClients.server()
        do {
            _ = try await client.get(SCIMUser.self, id: "no-such-id")
            XCTFail("an unknown id was found")
        } catch let error as SCIMClientError {
            XCTAssertEqual(error.status, 404)
        }
    }

    func test_enterpriseExtensionAndUnknownAttributesSurviveARoundTrip() async throws {
        let (client, _) = try SCIMTestClients.server()
        var user = SCIMUser(userName: SCIMTestClients.uniqueName("ent"))
        var enterprise = SCIMEnterpriseUser(attributes: [:])
        enterprise.attributes["employeeNumber"] = "E-1701"
        enterprise.attributes["department"] = "Bridge"
        user.enterprise = enterprise
        user.emails = [SCIMMultiValue(attributes: ["value": "ent@example.com", "type": "work", "primary": true])]
        let created = try await client.createUser(user)
        XCTAssertTrue(created.schemas.contains(SCIMSchemaURN.enterpriseUser))
        let read = try await client.get(SCIMUser.self, id: try XCTUnwrap(created.id))
        XCTAssertEqual(read.enterprise?.attributes["employeeNumber"], "E-1701")
        XCTAssertEqual(read.primaryEmail, "ent@example.com")
        let replaced = try await client.replace(read)
        XCTAssertEqual(replaced.enterprise?.attributes["department"], "Bridge")
    }
}
