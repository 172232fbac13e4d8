import Foundation
import JSON
import Provisioning
import SCIM
import Store
import TestSupport
import XCTest

/// The same provisioning lifecycle against both real service providers, scim2-server and the
/// Django app on stock django-scim2, in both request profiles: create, update, deactivate,
/// reactivate, push a group and change its members, rename it, `sync --full` after a change made
/// in the app, unlink with delete. Each step's outcome is checked on the server itself.
final class ServiceProviderLifecycleTests: XCTestCase {
    func test_lifecycleAgainstScim2ServerInTheOktaProfile() async throws {
        let learned = try await runLifecycle(EngineWorld(), profile: .okta)
        XCTAssertEqual(learned, [:])
    }

    func test_lifecycleAgainstScim2ServerInTheRFC7644Profile() async throws {
        let learned = try await runLifecycle(EngineWorld(), profile: .rfc7644)
        XCTAssertEqual(learned, [:])
    }

    func test_lifecycleAgainstDjangoSCIM2InTheOktaProfile() async throws {
        let learned = try await runLifecycle(EngineWorld(server: DjangoSCIMFixture.start()), profile: .okta)
        XCTAssertEqual(learned, ["memberRemoval": "valueList", "groupRename": "put"])
    }

    func test_lifecycleAgainstDjangoSCIM2InTheRFC7644Profile() async throws {
        let learned = try await runLifecycle(EngineWorld(server: DjangoSCIMFixture.start()), profile: .rfc7644)
        XCTAssertEqual(learned, ["userUpdate": "wholeAttributes", "memberRemoval": "valueList", "groupRename": "put"])
    }

    /// Runs the lifecycle through a recording proxy; returns the forms the app was found to accept.
    /// Every body sent must pass scim2-models, but for a member removal by value list, which is
    /// no RFC 7644 form and is sent only to an app that refused the filtered one.
    private func runLifecycle(_ world: EngineWorld, profile: ProvisioningSettings.RequestProfile,
                              file: StaticString = #filePath, line: UInt = #line) async throws -> [String: String] {
        try world.use(profile: profile)
        let proxy = try FaultProxy(inFrontOf: world.server)
        defer { proxy.stop() }
        try world.route(through: proxy)
        let lifecycle = Lifecycle(world: world)

        // Create: three people through an assigned group, which is also pushed.
        for login in ["ana@corp.example", "ben@corp.example", "cy@corp.example"] { try world.person(login, groups: ["Sales"]) }
        try world.assign(group: "Sales")
        try world.push(group: "Sales")
        try await lifecycle.sync("create")
        try await lifecycle.expectUser("create", "ana@corp.example", active: true, givenName: "Zoë")
        try await lifecycle.expectMembers("create", ["ana@corp.example", "ben@corp.example", "cy@corp.example"])

        // Update: a new first name and email address.
        var ana = try XCTUnwrapValue(try world.store.directory.person(login: "ana@corp.example"))
        ana.firstName = "Anaïs"
        try world.store.directory.updatePerson(ana)
        try await lifecycle.sync("update")
        try await lifecycle.expectUser("update", "ana@corp.example", active: true, givenName: "Anaïs")

        // Deactivate: ben leaves the assigned group, so leaves scope and the app's group.
        _ = try world.store.directory.removeMember(login: "ben@corp.example", group: "Sales")
        try await lifecycle.sync("deactivate")
        try await lifecycle.expectUser("deactivate", "ben@corp.example", active: false)
        try await lifecycle.expectMembers("deactivate", ["ana@corp.example", "cy@corp.example"])

        // Reactivate: ben is back.
        _ = try world.store.directory.addMember(login: "ben@corp.example", group: "Sales")
        try await lifecycle.sync("reactivate")
        try await lifecycle.expectUser("reactivate", "ben@corp.example", active: true)
        try await lifecycle.expectMembers("reactivate", ["ana@corp.example", "ben@corp.example", "cy@corp.example"])

        // Members: dee joins, cy leaves.
        try world.person("dee@corp.example", groups: ["Sales"])
        _ = try world.store.directory.removeMember(login: "cy@corp.example", group: "Sales")
        try await lifecycle.sync("member add and remove")
        try await lifecycle.expectMembers("member add and remove", ["ana@corp.example", "ben@corp.example", "dee@corp.example"])

        // Rename.
        var sales = try XCTUnwrapValue(try world.store.directory.group(name: "Sales"))
        sales.name = "Sales EMEA"
        try world.store.directory.updateGroup(sales)
        try await lifecycle.sync("rename")
        let names = try await world.remoteGroups().compactMap(\.displayName)
        lifecycle.check("rename", names == ["Sales EMEA"], "groups in the app: \(names)")

        // sync --full: a first name changed in the app is put back.
        let anaID = try XCTUnwrapValue(try await world.remoteUser("ana@corp.example")?.id)
        try await world.inspector.patch(SCIMUser.self, id: anaID, [SCIMPatchOperation(op: .replace, path: "name.givenName", value: "Changed")])
        let full = try await world.fullSync()
        lifecycle.check("sync --full", full.report?.failures.isEmpty ?? false, "failures: \(full.report?.failures ?? [])")
        try await lifecycle.expectUser("sync --full", "ana@corp.example", active: true, givenName: "Anaïs")

        // Unlink with delete.
        var link = try world.pushLink(group: "Sales EMEA")
        link.unlinkAction = .delete
        try world.store.records(PushGroupLink.self).update(link)
        try await lifecycle.sync("unlink with delete")
        let left = try await world.remoteGroups().count
        lifecycle.check("unlink with delete", left == 0, "\(left) groups left in the app")

        let learned = try world.learnedForms()
        print("lifecycle against \(type(of: world.server)) (\(profile.rawValue)): \(proxy.seen.count) requests, learned \(learned); "
              + (lifecycle.broken.isEmpty ? "every step worked" : "broken: \(lifecycle.broken.joined(separator: "; "))"))
        XCTAssertEqual(lifecycle.broken, [], file: file, line: line)

        XCTAssertTrue(proxy.seen.allSatisfy { $0.header("User-Agent") == SCIMClientConfiguration.defaultUserAgent },
                      "\(Set(proxy.seen.map { $0.header("User-Agent") ?? "none" }))", file: file, line: line)
        let check = try SCIMBodyCheck.validate(proxy.seen)
        let unexpected = check.refused.filter { !Self.isValueListRemoval(proxy.seen[$0.index]) }
        print("scim2-models: \(check.checked) bodies checked, \(check.refused.count) refused (\(check.refused.count - unexpected.count) value-list removals)")
        XCTAssertGreaterThan(check.checked, 10, file: file, line: line)
        XCTAssertEqual(unexpected.map(\.description), [], file: file, line: line)
        return learned
    }

    private static func isValueListRemoval(_ request: FaultProxy.Seen) -> Bool {
        guard let body = try? JSONValue.parse(request.body), let operations = body["Operations"]?.arrayValue else { return false }
        return operations.contains { $0["op"] == "remove" && $0["path"] == "members" && $0["value"] != nil }
    }
}

/// The steps of one lifecycle run and what went wrong in each, so one run reports every broken step.
private final class Lifecycle: @unchecked Sendable {
    let world: EngineWorld
    private(set) var broken: [String] = []

    init(world: EngineWorld) { self.world = world }

    func check(_ step: String, _ condition: Bool, _ detail: @autoclosure () -> String) {
        if !condition { broken.append("\(step): \(detail())") }
    }

    func sync(_ step: String) async throws {
        let result = try await world.sync()
        check(step, result.report.failures.isEmpty, "failed: \(result.report.failures.map(\.reason))")
    }

    func expectUser(_ step: String, _ userName: String, active: Bool, givenName: String? = nil) async throws {
        guard let user = try await world.remoteUser(userName) else {
            return check(step, false, "\(userName) is not in the app")
        }
        check(step, user.active == active, "\(userName) active is \(user.active)")
        if let givenName {
            let held = user.name?.attributes["givenName"]?.stringValue
            check(step, held == givenName, "\(userName) givenName is \(held ?? "absent")")
        }
    }

    /// The app's one group holds exactly these userNames.
    func expectMembers(_ step: String, _ userNames: Set<String>) async throws {
        let groups = try await world.remoteGroups()
        guard groups.count == 1, let group = groups.first else {
            return check(step, false, "\(groups.count) groups in the app")
        }
        let users = try await world.remoteUsers()
        let namesByID = Dictionary(users.compactMap { user in user.id.map { ($0, user.userName ?? "") } }, uniquingKeysWith: { first, _ in first })
        let held = Set(group.members.compactMap(\.value).map { namesByID[$0] ?? "unknown id \($0)" })
        check(step, held == userNames, "members are \(held.sorted())")
    }
}
