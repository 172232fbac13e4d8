import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// The forms scimdeck steps down to when an app refuses one, against stock django-scim2, and the
/// rfc7644 profile's `If-Match` and 412 against scim2-server (which announces ETags).
final class LearnedFallbackTests: XCTestCase {
    func test_memberRemovalsAndAddsInBatchesEndAsTheModelAndTheLearnedFormIsSentAtOnceNextRun() async throws {
        let world = try EngineWorld(server: DjangoSCIMFixture.start())
        let logins = (1...12).map { "p\($0)@corp.example" }
        for login in logins { try world.person(login, groups: ["Team"]) }
        try world.assign(group: "Team")
        try world.push(group: "Team")
        let pushed = try await world.sync(memberBatchSize: 5)
        XCTAssertTrue(pushed.report.failures.isEmpty, "\(pushed.report.failures)")

        // Seven out and three in, in batches of five: the first removal batch is refused (501).
        for login in logins.prefix(7) { _ = try world.store.directory.removeMember(login: login, group: "Team") }
        let newcomers = (13...15).map { "p\($0)@corp.example" }
        for login in newcomers { try world.person(login, groups: ["Team"]) }
        try world.clearRequestLog()
        let changed = try await world.sync(memberBatchSize: 5)
        XCTAssertTrue(changed.report.failures.isEmpty, "\(changed.report.failures)")
        try await expectMembers(world, Set(logins.dropFirst(7) + newcomers))
        XCTAssertEqual(try world.learnedForms()["memberRemoval"], "valueList")
        let refused = try world.store.provisioning.requestLog(appId: world.appID, limit: 1000).filter { $0.statusCode == 501 }
        XCTAssertEqual(refused.count, 1, "\(refused.map { "\($0.method) \($0.path) \($0.requestBody ?? "")" })")

        // The next run sends the value-list form at once: no refusal, no filtered path.
        for login in newcomers { _ = try world.store.directory.removeMember(login: login, group: "Team") }
        try world.clearRequestLog()
        let again = try await world.sync(memberBatchSize: 5)
        XCTAssertTrue(again.report.failures.isEmpty, "\(again.report.failures)")
        try await expectMembers(world, Set(logins.dropFirst(7)))
        let log = try world.store.provisioning.requestLog(appId: world.appID, limit: 1000)
        XCTAssertFalse(log.contains { $0.statusCode == 501 }, "\(log.map { "\($0.method) \($0.path) \($0.statusCode ?? 0)" })")
        XCTAssertFalse(log.contains { ($0.requestBody ?? "").contains("members[value eq") })
    }

    func test_aRenameRefusedAsPatchIsPutWithTheMembersItHolds() async throws {
        let world = try EngineWorld(server: DjangoSCIMFixture.start())
        try world.person("ana@corp.example", groups: ["Sales"])
        try world.person("ben@corp.example", groups: ["Sales"])
        try world.assign(group: "Sales")
        try world.push(group: "Sales")
        try await world.sync()
        var sales = try XCTUnwrapValue(try world.store.directory.group(name: "Sales"))
        sales.name = "Sales EMEA"
        try world.store.directory.updateGroup(sales)
        let renamed = try await world.sync()
        XCTAssertTrue(renamed.report.failures.isEmpty, "\(renamed.report.failures)")
        let names = try await world.remoteGroups().compactMap(\.displayName)
        XCTAssertEqual(names, ["Sales EMEA"])
        try await expectMembers(world, ["ana@corp.example", "ben@corp.example"])
        XCTAssertEqual(try world.learnedForms()["groupRename"], "put")
    }

    /// scim2-server versions its resources: the rfc7644 update reads the user, PATCHes with its ETag
    /// in `If-Match`, and on a 412 reads it again and sends once more.
    func test_rfc7644UpdateSendsIfMatchAndOnA412ReadsAgainAndSendsOnce() async throws {
        let server = try SCIMServerFixture.start()
        defer { server.stop() }
        let proxy = try FaultProxy(inFrontOf: server)
        defer { proxy.stop() }
        let token = try XCTUnwrapValue(BearerToken(server.token))
        let client = SCIMClient(configuration: SCIMClientConfiguration(baseURL: proxy.baseURL, token: token, retry: EngineWorld.fastRetry,
                                                                       useETags: true),
                                transport: EngineWorld.transport)
        let created = try await client.createUser(SCIMUser(attributes: ["schemas": [.string(SCIMSchemaURN.user)], "userName": "ana@corp.example"]))
        let id = try XCTUnwrapValue(created.id)
        let target = SCIMProvisioningTarget(client: client, profile: .rfc7644)
        proxy.inject(.status(412, body: #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"412"}"#), method: "PATCH")
        let before = proxy.seen.count
        try await target.updateUser(id: id, profile: MappedProfile(values: [(attribute: "name.givenName", value: "Anaïs")]), active: true)

        let sent = proxy.seen.dropFirst(before).map { "\($0.method) \($0.target.split(separator: "?")[0])" }
        XCTAssertEqual(sent, ["GET /v2/Users/\(id)", "PATCH /v2/Users/\(id)", "GET /v2/Users/\(id)", "PATCH /v2/Users/\(id)"])
        let patches = proxy.seen.dropFirst(before).filter { $0.method == "PATCH" }
        XCTAssertTrue(patches.allSatisfy { $0.header("If-Match")?.isEmpty == false }, "\(patches.map(\.headers))")
        let held = try await client.get(SCIMUser.self, id: id)
        XCTAssertEqual(held.name?.attributes["givenName"], "Anaïs")
    }

    func test_mappingSetRefusesAnAttributeTheAppsSchemasLackAndNamesTheNearest() async throws {
        for server in [try SCIMServerFixture.start(), try DjangoSCIMFixture.start()] as [any SCIMServiceProvider] {
            let world = try EngineWorld(server: server)
            let schemas = try await world.inspector.discover().schemas
            XCTAssertFalse(schemas.isEmpty, "\(type(of: server)) serves /Schemas")
            let app = try XCTUnwrapValue(try world.store.apps.app(named: "Axiad Cloud (test)"))
            let mappings = AppMappings(store: world.store, app: app)
            XCTAssertThrowsError(try mappings.set(attribute: "name.givnName", expression: "user.firstName", appSchemas: schemas)) { error in
                XCTAssertEqual(error as? MappingChangeError,
                               .notInAppSchema(attribute: "name.givnName", appName: "Axiad Cloud", nearest: ["name.givenName"]), "\(error)")
                XCTAssertTrue("\(error)".contains("has no attribute name.givnName; did you mean name.givenName?"), "\(error)")
            }
            XCTAssertThrowsError(try mappings.set(attribute: "nickNme", expression: "user.login", appSchemas: schemas)) { error in
                XCTAssertTrue("\(error)".contains("did you mean nickName"), "\(error)")
            }
            XCTAssertEqual(try mappings.set(attribute: "emails.value", expression: "user.email", appSchemas: schemas).attribute, "emails[primary].value")
            XCTAssertEqual(try mappings.set(attribute: "name.middleName", expression: "user.login", appSchemas: schemas).attribute, "name.middleName")
        }
    }

    private func expectMembers(_ world: EngineWorld, _ userNames: Set<String>, file: StaticString = #filePath, line: UInt = #line) async throws {
        let groups = try await world.remoteGroups()
        XCTAssertEqual(groups.count, 1, file: file, line: line)
        let users = try await world.remoteUsers()
        let namesByID = Dictionary(users.compactMap { user in user.id.map { ($0, user.userName ?? "") } }, uniquingKeysWith: { first, _ in first })
        let held = groups.first?.members.compactMap(\.value).map { namesByID[$0] ?? "unknown \($0)" } ?? []
        XCTAssertEqual(held.count, Set(held).count, "a member twice: \(held)", file: file, line: line)
        XCTAssertEqual(Set(held), userNames, file: file, line: line)
    }
}
