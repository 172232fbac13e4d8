import Foundation
@testable import Provisioning
import SCIM
import Store
import XCTest

/// The rfc7644 profile sends changes to users the app holds through `/Bulk`, which scim2-server
/// announces (maxOperations 1000); the okta profile never does.
final class BulkProfileTests: XCTestCase {
    private let logins = (1...5).map { "bulk\($0)@corp.example" }

    /// Five people provisioned, then every last name changed in the directory.
    private func worldWithChangedProfiles(_ profile: ProvisioningSettings.RequestProfile) async throws -> EngineWorld {
        let world = try EngineWorld()
        try world.use(profile: profile)
        for login in logins {
            try world.person(login, last: "Before")
            try world.assign(person: login)
        }
        let first = try await world.sync()
        XCTAssertTrue(first.report.failures.isEmpty, "\(first.report.failures)")
        for login in logins {
            var person = try XCTUnwrap(try world.store.directory.person(login: login))
            person.lastName = "After"
            try world.store.directory.updatePerson(person)
        }
        return world
    }

    func test_rfc7644SendsProfileChangesInBulkRequestsOfAtMostMaxOperations() async throws {
        let world = try await worldWithChangedProfiles(.rfc7644)
        let before = try world.requestLog().count

        let result = try await world.sync(bulkMaxOperations: 2)

        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        XCTAssertEqual(result.report.succeeded[.updateUser], 5)
        let sent = try world.requestLog().dropFirst(before)
        XCTAssertEqual(sent.filter { $0 == "POST /v2/Bulk" }.count, 3, "ceil(5 / 2) Bulk requests: \(sent)")
        XCTAssertFalse(sent.contains { $0.hasPrefix("PATCH ") || $0.hasPrefix("PUT ") }, "\(sent)")
        for login in logins {
            let user = try await world.remoteUser(login)
            XCTAssertEqual(user?.name?.attributes["familyName"], "After", login)
        }
        // Nothing left to send: the links hold the hash of what the Bulk delivered.
        XCTAssertEqual(try world.engine.plan().operations.count, 0)
    }

    func test_rfc7644DeactivatesAndReactivatesInOneBulkUpToTheAnnouncedMax() async throws {
        let world = try EngineWorld()
        try world.use(profile: .rfc7644)
        for login in logins {
            try world.person(login)
            try world.assign(person: login)
        }
        try await world.sync()
        for login in logins.prefix(3) { try world.unassign(person: login) }
        var before = try world.requestLog().count

        let deactivation = try await world.sync()

        XCTAssertEqual(deactivation.report.succeeded[.deactivateUser], 3, "\(deactivation.report.failures)")
        XCTAssertEqual(try world.requestLog().dropFirst(before).filter { $0 == "POST /v2/Bulk" }.count, 1)
        for login in logins {
            let active = try await world.remoteUser(login)?.active
            XCTAssertEqual(active, !logins.prefix(3).contains(login), login)
        }

        for login in logins.prefix(3) { try world.assign(person: login) }
        before = try world.requestLog().count
        let reactivation = try await world.sync()
        XCTAssertEqual(reactivation.report.succeeded[.reactivateUser], 3, "\(reactivation.report.failures)")
        XCTAssertEqual(try world.requestLog().dropFirst(before).filter { $0 == "POST /v2/Bulk" }.count, 1)
        for login in logins {
            let active = try await world.remoteUser(login)?.active
            XCTAssertEqual(active, true, login)
        }
    }

    func test_aUserDeletedInTheAppFailsAloneInsideTheBulkAndIsProvisionedAgainNextRun() async throws {
        let world = try await worldWithChangedProfiles(.rfc7644)
        let goneUser = try await world.remoteUser(logins[1])
        let gone = try XCTUnwrap(goneUser?.id)
        try await world.inspector.delete(SCIMUser.self, id: gone)
        let before = try world.requestLog().count

        let result = try await world.sync()

        XCTAssertEqual(try world.requestLog().dropFirst(before).filter { $0 == "POST /v2/Bulk" }.count, 1)
        XCTAssertEqual(result.report.succeeded[.updateUser], 4)
        XCTAssertEqual(result.report.failures.count, 1)
        XCTAssertEqual(result.report.failures.first?.operation.kind, .updateUser)
        XCTAssertTrue(result.report.failures.first?.reason.contains("was removed in the app") == true, "\(result.report.failures)")
        for login in logins where login != logins[1] {
            let user = try await world.remoteUser(login)
            XCTAssertEqual(user?.name?.attributes["familyName"], "After", login)
        }

        // The lost link is forgotten: the next run creates the user again, one by one (looked up first).
        let again = try await world.sync()
        XCTAssertTrue(again.report.failures.isEmpty, "\(again.report.failures)")
        XCTAssertEqual(again.report.succeeded[.provisionUser], 1)
        let recreated = try await world.remoteUser(logins[1])
        XCTAssertEqual(recreated?.name?.attributes["familyName"], "After")
        let remoteCount = try await world.remoteUsers().count
        XCTAssertEqual(remoteCount, logins.count)
    }

    func test_oktaProfileSendsNoBulk() async throws {
        let world = try await worldWithChangedProfiles(.okta)
        let before = try world.requestLog().count

        let result = try await world.sync()

        XCTAssertEqual(result.report.succeeded[.updateUser], 5, "\(result.report.failures)")
        let sent = try world.requestLog().dropFirst(before)
        XCTAssertFalse(sent.contains { $0.contains("Bulk") || $0.contains("ServiceProviderConfig") }, "\(sent)")
        XCTAssertEqual(sent.filter { $0.hasPrefix("PUT /v2/Users/") }.count, 5)
    }
}

/// What discovery turns on for a run: the target the engine builds, read from inside.
final class BulkDiscoveryTests: XCTestCase {
    func test_rfc7644TakesETagsAndBulkLimitsFromTheServiceProviderConfig() async throws {
        let world = try EngineWorld()
        let engine = try world.engine
        let client = try engine.client(transport: EngineWorld.transport, retry: EngineWorld.fastRetry)
        XCTAssertFalse(client.configuration.useETags, "ETags wait for discovery")

        let rfc = await engine.target(client: client, profile: .rfc7644, bulkMaxOperations: nil)
        XCTAssertTrue(rfc.client.configuration.useETags)
        XCTAssertEqual(rfc.bulkLimits?.maxOperations, 1000)
        XCTAssertEqual(rfc.userChangeBatchSize, 1000)
        let capped = await engine.target(client: client, profile: .rfc7644, bulkMaxOperations: 50)
        XCTAssertEqual(capped.userChangeBatchSize, 50)

        let okta = await engine.target(client: client, profile: .okta, bulkMaxOperations: nil)
        XCTAssertFalse(okta.client.configuration.useETags)
        XCTAssertNil(okta.userChangeBatchSize)
    }
}
