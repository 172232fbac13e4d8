import Foundation
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// A group another client creates between scimdeck's lookup and its `POST /Groups` (answered 409)
/// is looked up again and linked, as a user is: one group in the app, never a failure.
final class GroupCreateConflictTests: XCTestCase {
    func test_groupCreateAnswered409IsLookedUpAndLinked() async throws {
        let world = try EngineWorld()
        let proxy = try FaultProxy(upstreamPort: world.server.port)
        defer { proxy.stop() }
        var settings = try XCTUnwrapValue(try world.store.records(ProvisioningSettings.self).fetch(key: world.appID))
        settings.baseURL = proxy.baseURL.absoluteString
        try world.store.records(ProvisioningSettings.self).update(settings)
        try world.person("a@corp.example", groups: ["Sales"])
        try world.assign(group: "Sales")
        try world.push(group: "Sales")

        // The other client's group is on the server, but scimdeck's first lookup comes before it…
        let theirs = try await world.inspector.createGroup(SCIMGroup(displayName: "Sales"))
        let emptyList = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"startIndex":1,"itemsPerPage":0,"Resources":[]}"#
        proxy.inject(.status(200, body: emptyList), method: "GET", pathContains: "/Groups?")
        // …and the POST meets the app's uniqueness check.
        let conflict = #"{"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness","detail":"displayName Sales is taken"}"#
        proxy.inject(.status(409, body: conflict), method: "POST", pathContains: "/Groups")

        let result = try await world.sync(concurrency: 1)

        XCTAssertTrue(result.report.failures.isEmpty, "\(result.report.failures)")
        XCTAssertEqual(proxy.seen.filter { $0.method == "POST" && $0.target.contains("/Groups") }.map(\.fault),
                       [.status(409, body: conflict)], "\(proxy.seen)")
        let groups = try await world.remoteGroups()
        XCTAssertEqual(groups.map(\.id), [theirs.id], "one group, theirs")
        let a = try await world.remoteUser("a@corp.example")
        XCTAssertEqual(groups.first?.members.map(\.value), [a?.id].compactMap { $0 })
        let salesID = try XCTUnwrapValue(try world.store.directory.group(name: "Sales")?.id)
        XCTAssertEqual(try world.store.provisioning.remoteLink(appId: world.appID, kind: .group, localId: salesID)?.remoteId, theirs.id)
    }
}
