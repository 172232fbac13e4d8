import Foundation
import Store
import XCTest

final class ProvisioningRepositoryTests: StoreTestCase {
    func test_scopeJoinsDirectAndGroupAssignments() throws {
        let store = try openStore()
        let app = try store.records(AppIntegration.self).insert(AppIntegration(catalogEntry: "axiad-cloud", label: "Axiad"))
        let other = try store.records(AppIntegration.self).insert(AppIntegration(catalogEntry: "generic-scim2", label: "Other"))
        let appId = try XCTUnwrap(app.id)
        let directory = store.directory
        let ann = try directory.addPerson(Person(login: "ann@example.com"))
        try directory.addPerson(Person(login: "bob@example.com"))
        try directory.addPerson(Person(login: "cy@example.com"))
        try directory.addPerson(Person(login: "dee@example.com"))
        let sales = try directory.addGroup(DirectoryGroup(name: "Sales"))
        let ops = try directory.addGroup(DirectoryGroup(name: "Ops"))
        try directory.addMember(login: "ann@example.com", group: "Sales")
        try directory.addMember(login: "bob@example.com", group: "Sales")
        try directory.addMember(login: "bob@example.com", group: "Ops")
        try directory.addMember(login: "dee@example.com", group: "Ops")

        let assignments = store.records(Assignment.self)
        try assignments.insert(.person(try XCTUnwrap(ann.id), app: appId))
        try assignments.insert(.group(try XCTUnwrap(sales.id), app: appId))
        try assignments.insert(.group(try XCTUnwrap(ops.id), app: appId))
        try assignments.insert(.person(try XCTUnwrap(directory.person(login: "cy@example.com")?.id), app: try XCTUnwrap(other.id)))

        let scope = try store.provisioning.scope(appId: appId)
        XCTAssertEqual(scope.map(\.person.login), ["ann@example.com", "bob@example.com", "dee@example.com"])
        XCTAssertEqual(scope.map(\.assignedDirectly), [true, false, false])
        XCTAssertEqual(scope[0].viaGroupIds, [sales.id])
        XCTAssertEqual(Set(scope[1].viaGroupIds), Set([sales.id, ops.id].compactMap { $0 }))

        // Leaving the group takes bob out of Sales' share of the scope only.
        try directory.removeMember(login: "bob@example.com", group: "Ops")
        try directory.removeMember(login: "dee@example.com", group: "Ops")
        XCTAssertEqual(try store.provisioning.scope(appId: appId).map(\.person.login), ["ann@example.com", "bob@example.com"])
    }

    func test_linksUnfinishedJournalAndLog() throws {
        let store = try openStore()
        let appId = try XCTUnwrap(try store.records(AppIntegration.self).insert(AppIntegration(catalogEntry: "x", label: "X")).id)
        let links = store.records(RemoteLink.self)
        let link = try links.insert(RemoteLink(appId: appId, kind: .user, localId: 5, remoteId: "r5", updatedAt: Date(timeIntervalSince1970: 1_764_400_000)))
        try links.insert(RemoteLink(appId: appId, kind: .group, localId: 5, remoteId: "g5"))
        XCTAssertEqual(try store.provisioning.remoteLink(appId: appId, kind: .user, localId: 5), link)
        XCTAssertNil(try store.provisioning.remoteLink(appId: appId, kind: .user, localId: 6))
        XCTAssertEqual(try store.provisioning.remoteLinks(appId: appId, kind: .group).map(\.remoteId), ["g5"])

        let journal = store.records(JournalEntry.self)
        for (sequence, state) in [(1, JournalEntry.State.succeeded), (2, .sending), (3, .planned), (4, .failed)] {
            try journal.insert(JournalEntry(appId: appId, runId: "r", sequence: sequence, operation: "createUser", targetKind: .user, localId: 1, state: state))
        }
        XCTAssertEqual(try store.provisioning.unfinishedJournalEntries(appId: appId).map(\.sequence), [2, 3])

        for path in ["/Users", "/Groups", "/Users/1"] {
            try store.records(RequestLogEntry.self).insert(RequestLogEntry(appId: appId, method: "GET", path: path))
        }
        XCTAssertEqual(try store.provisioning.requestLog(appId: appId, limit: 2).map(\.path), ["/Users/1", "/Groups"])
    }
}
