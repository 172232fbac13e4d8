import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// A sync against an app that commits a create and drops the connection before answering ends with
/// exactly one user and one group, linked, and the request log holds every request the app saw.
final class DroppedCreateSyncTests: XCTestCase {
    func test_createsCommittedThenDroppedLeaveExactlyOneUserAndOneGroup() async throws {
        let world = try EngineWorld()
        // Keep-alive, so the creates could go out on reused connections (where libcurl would re-send them).
        let proxy = try FaultProxy(upstreamPort: world.server.port, keepAlive: true)
        defer { proxy.stop() }
        var settings = try XCTUnwrapValue(try world.store.records(ProvisioningSettings.self).fetch(key: world.appID))
        settings.baseURL = proxy.baseURL.absoluteString
        try world.store.records(ProvisioningSettings.self).update(settings)
        try world.person("dropped@corp.example", groups: ["Dropped Group"])
        try world.assign(person: "dropped@corp.example")
        try world.push(group: "Dropped Group")
        proxy.inject(.commitThenDrop, method: "POST", pathContains: "/Users")
        proxy.inject(.commitThenDrop, method: "POST", pathContains: "/Groups")

        let result = try await world.sync(concurrency: 1)

        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        let users = try await world.remoteUsers().filter { $0.userName == "dropped@corp.example" }
        let groups = try await world.remoteGroups().filter { $0.displayName == "Dropped Group" }
        XCTAssertEqual(users.count, 1, "users in the app")
        XCTAssertEqual(groups.count, 1, "groups in the app")
        XCTAssertEqual(groups.first?.members.map(\.value), users.compactMap(\.id), "the one user is the group's member")
        XCTAssertEqual(proxy.seen.filter { $0.method == "POST" }.count, 2, "\(proxy.seen)")
        XCTAssertEqual(try world.requestLog().count, proxy.seen.count, "a request the app saw is missing from the log")
    }
}
