import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// A `201` carrying a resource that is not the one sent is refused, never linked: another userName
/// (the client sees it) or the id of a user or group already linked to someone else (the store sees it).
final class ForeignCreateAnswerTests: XCTestCase {
    private func throughProxy(_ world: EngineWorld) throws -> FaultProxy {
        let proxy = try FaultProxy(upstreamPort: world.server.port)
        var settings = try XCTUnwrapValue(try world.store.records(ProvisioningSettings.self).fetch(key: world.appID))
        settings.baseURL = proxy.baseURL.absoluteString
        try world.store.records(ProvisioningSettings.self).update(settings)
        return proxy
    }

    func test_createdUserWithTheIdOfAnotherLinkedUserIsRefused() async throws {
        let world = try EngineWorld()
        let amy = try world.person("amy@corp.example")
        try world.assign(person: "amy@corp.example")
        try await world.sync()
        let amysID = try XCTUnwrapValue(try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: amy)?.remoteId)

        let proxy = try throughProxy(world)
        defer { proxy.stop() }
        let bob = try world.person("bob@corp.example")
        try world.assign(person: "bob@corp.example")
        proxy.inject(.rewriteResource(["id": amysID]), method: "POST", pathContains: "/Users")
        let result = try await world.sync()

        XCTAssertEqual(result.report.failures.count, 1, "\(result.report.failures)")
        XCTAssertTrue(result.report.failures.first?.reason.contains("already linked to another person") == true, "\(result.report.failures)")
        XCTAssertNil(try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: bob), "bob was linked to amy's user")
        XCTAssertEqual(try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: amy)?.remoteId, amysID)
    }

    func test_createdUserWithAnotherUserNameIsRefusedAndLeftUnlinked() async throws {
        let world = try EngineWorld()
        let proxy = try throughProxy(world)
        defer { proxy.stop() }
        let bob = try world.person("bob@corp.example")
        try world.assign(person: "bob@corp.example")
        proxy.inject(.rewriteResource(["userName": "admin@corp.example"]), method: "POST", pathContains: "/Users")
        let result = try await world.sync()

        XCTAssertEqual(result.report.failures.count, 1)
        XCTAssertTrue(result.report.failures.first?.reason.contains("refused, not linked") == true, "\(result.report.failures)")
        XCTAssertNil(try world.store.provisioning.remoteLink(appId: world.appID, kind: .user, localId: bob))
    }
}
