import Foundation
import JSON
import Provisioning
import SCIM
import Store
import XCTest

/// The bodies each request profile sends, read from the request log, against a real scim2-server
/// (which must accept each of them).
final class RequestShapeTests: XCTestCase {
    func test_oktaProfileRenamesDeactivatesAndAddsMembersAsOktaDoes() async throws {
        let world = try EngineWorld()
        try world.person("a@corp.example", groups: ["Sales"])
        try world.assign(group: "Sales")
        try world.push(group: "Sales")
        try await world.sync()
        let a = try await world.remoteUser("a@corp.example")
        let userID = try XCTUnwrapValue(a?.id)
        let groupID = try XCTUnwrapValue(try await world.remoteGroups().first?.id)
        XCTAssertEqual(try world.patchOperations(to: "/Groups/"), [
            ["op": "add", "path": "members", "value": [["value": .string(userID), "display": "a@corp.example"]]],
        ])

        try renameSalesAndDropA(world)
        let result = try await world.sync()
        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        let operations = try world.patchOperations(to: "/Groups/") + world.patchOperations(to: "/Users/")
        XCTAssertTrue(operations.contains(["op": "replace", "value": ["id": .string(groupID), "displayName": "Sales EMEA"]]), "\(operations)")
        XCTAssertTrue(operations.contains(["op": "replace", "value": ["active": false]]), "\(operations)")
        let renamed = try await world.remoteGroups().first?.displayName
        XCTAssertEqual(renamed, "Sales EMEA")
        let deactivated = try await world.remoteUser("a@corp.example")?.active
        XCTAssertEqual(deactivated, false)

        try world.assign(person: "a@corp.example")
        try await world.sync()
        XCTAssertTrue(try world.patchOperations(to: "/Users/").contains(["op": "replace", "value": ["active": true]]))
        let reactivated = try await world.remoteUser("a@corp.example")?.active
        XCTAssertEqual(reactivated, true)
    }

    func test_rfc7644ProfileKeepsItsPathForms() async throws {
        let world = try EngineWorld()
        try world.use(profile: .rfc7644)
        try world.person("a@corp.example", groups: ["Sales"])
        try world.assign(group: "Sales")
        try world.push(group: "Sales")
        try await world.sync()
        let a = try await world.remoteUser("a@corp.example")
        let userID = try XCTUnwrapValue(a?.id)
        XCTAssertEqual(try world.patchOperations(to: "/Groups/"), [["op": "add", "path": "members", "value": [["value": .string(userID)]]]])

        try renameSalesAndDropA(world)
        let result = try await world.sync()
        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        // scim2-server announces Bulk, so the rfc7644 profile sends user changes in /Bulk.
        let operations = try world.patchOperations(to: "/Groups/") + world.patchOperations(to: "/Users/") + world.bulkPatchOperations()
        XCTAssertTrue(operations.contains(["op": "replace", "path": "displayName", "value": "Sales EMEA"]), "\(operations)")
        XCTAssertTrue(operations.contains(["op": "replace", "path": "active", "value": false]), "\(operations)")
        let renamed = try await world.remoteGroups().first?.displayName
        XCTAssertEqual(renamed, "Sales EMEA")
        let deactivated = try await world.remoteUser("a@corp.example")?.active
        XCTAssertEqual(deactivated, false)
    }

    /// Renames the group and takes a out of the app (deactivated there).
    private func renameSalesAndDropA(_ world: EngineWorld) throws {
        var sales = try XCTUnwrapValue(try world.store.directory.group(name: "Sales"))
        sales.name = "Sales EMEA"
        try world.store.directory.updateGroup(sales)
        _ = try world.store.directory.removeMember(login: "a@corp.example", group: "Sales EMEA")
        try world.clearRequestLog()
    }
}

extension EngineWorld {
    /// The operations of every PATCH to a path containing `endpoint` in the request log, oldest first.
    func patchOperations(to endpoint: String) throws -> [JSONValue] {
        try requestBodies(method: "PATCH", pathContains: endpoint).flatMap { $0["Operations"]?.arrayValue ?? [] }
    }

    /// The PATCH operations carried inside every logged `/Bulk` request.
    func bulkPatchOperations() throws -> [JSONValue] {
        try requestBodies(method: "POST", pathContains: "/Bulk").flatMap { $0["Operations"]?.arrayValue ?? [] }
            .filter { $0["method"]?.stringValue == "PATCH" }
            .flatMap { $0["data"]?["Operations"]?.arrayValue ?? [] }
    }

    /// The bodies of the logged requests with this method and path, oldest first, parsed.
    func requestBodies(method: String, pathContains: String) throws -> [JSONValue] {
        try store.provisioning.requestLog(appId: appID, limit: 100_000).reversed()
            .filter { $0.method == method && $0.path.contains(pathContains) }
            .map { try JSONValue.parse(Data(($0.requestBody ?? "").utf8)) }
    }

    func clearRequestLog() throws {
        for entry in try store.provisioning.requestLog(appId: appID, limit: 100_000) {
            _ = try store.records(RequestLogEntry.self).delete(key: entry.id ?? 0)
        }
    }
}

/// A person with no email address: no `emails` at all, on create and after an update empties it.
final class EmptyMappedValueTests: XCTestCase {
    func test_personWithoutAnEmailIsCreatedWithNoEmailsAndAnEmptiedEmailIsRemoved() async throws {
        let world = try EngineWorld()
        // Axiad's userName is the email; for a person without one, map it from the login instead.
        let table = world.store.records(Store.AttributeMapping.self)
        var userName = try XCTUnwrapValue(try table.all(appId: world.appID).first { $0.scimAttribute == "userName" })
        userName.expression = "user.login"
        try table.update(userName)
        _ = try world.store.directory.addPerson(Person(login: "noemail", firstName: "Zoë", lastName: "Ødegaard", email: ""))
        try world.person("hasemail", email: "has@corp.example")
        try world.assign(person: "noemail")
        try world.assign(person: "hasemail")
        let created = try await world.sync()
        XCTAssertTrue(created.report.failures.isEmpty, "\(created.report.failures)")
        let noEmail = try await world.remoteUser("noemail")
        XCTAssertNotNil(noEmail)
        XCTAssertNil(noEmail?[attribute: "emails"], "\(String(describing: noEmail?.attributes))")
        let posted = try world.requestBodies(method: "POST", pathContains: "/Users")
        XCTAssertEqual(posted.filter { $0["userName"] == "noemail" }.first?["emails"], nil)

        var person = try XCTUnwrapValue(try world.store.directory.person(login: "hasemail"))
        person.email = ""
        try world.store.directory.updatePerson(person)
        let updated = try await world.sync()
        XCTAssertTrue(updated.report.failures.isEmpty, "\(updated.report.failures)")
        let emptied = try await world.remoteUser("hasemail")
        XCTAssertNotNil(emptied)
        XCTAssertNil(emptied?[attribute: "emails"], "\(String(describing: emptied?.attributes))")
        XCTAssertEqual(emptied?.name?.attributes["givenName"], "Zoë")
    }
}

/// `mapping set emails.value …` is stored with a selector, so the app gets arrays, not objects.
final class MultiValuedMappingTests: XCTestCase {
    func test_plainMultiValuedPathsAreStoredWithASelectorAndCreateArrays() async throws {
        let world = try EngineWorld()
        let app = try XCTUnwrapValue(try world.store.apps.app(named: "Axiad Cloud (test)"))
        let mappings = AppMappings(store: world.store, app: app)
        try mappings.unset(attribute: "emails[primary].value")
        try mappings.unset(attribute: "emails[primary].type")
        XCTAssertEqual(try mappings.set(attribute: "emails.value", expression: "user.email").attribute, "emails[primary].value")
        XCTAssertEqual(try mappings.set(attribute: "addresses.locality", expression: "user.city").attribute, #"addresses[type eq "work"].locality"#)
        _ = try world.store.directory.addPerson(Person(login: "zoe@corp.example", firstName: "Zoë", lastName: "Ødegaard",
                                                       email: "zoe@corp.example", attributes: ["city": "Lyon"]))
        try world.assign(person: "zoe@corp.example")
        let result = try await world.sync()
        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        let zoe = try await world.remoteUser("zoe@corp.example")
        XCTAssertEqual(zoe?[attribute: "emails"]?.arrayValue?.first?["value"], "zoe@corp.example", "\(String(describing: zoe?.attributes))")
        XCTAssertEqual(zoe?[attribute: "emails"]?.arrayValue?.first?["primary"], true)
        XCTAssertEqual(zoe?[attribute: "addresses"]?.arrayValue?.first?["locality"], "Lyon", "\(String(describing: zoe?.attributes))")
        XCTAssertEqual(zoe?[attribute: "addresses"]?.arrayValue?.first?["type"], "work")
    }
}
