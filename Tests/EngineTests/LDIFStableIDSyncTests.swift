import Foundation
import Store
import TestSupport
import XCTest

/// An LDIF export that carries objectGUID: re-imported after a group rename and a new
/// userPrincipalName, it renames the group and the person (no second one), and the next sync
/// renames both in the app.
final class LDIFStableIDSyncTests: XCTestCase {
    private static let annGUID = "AAECAwQFBgcICQoLDA0ODw=="
    private static let staffGUID = "EBESExQVFhcYGRobHB0eHw=="

    private static func export(upn: String, mail: String, cn: String, groupCN: String) -> String {
        """
        version: 1

        dn: CN=\(cn),OU=People,DC=corp,DC=example
        objectClass: user
        cn: \(cn)
        givenName: Ann
        sn: Lee
        userPrincipalName: \(upn)
        mail: \(mail)
        objectGUID:: \(annGUID)
        userAccountControl: 512

        dn: CN=\(groupCN),OU=Groups,DC=corp,DC=example
        objectClass: group
        cn: \(groupCN)
        objectGUID:: \(staffGUID)
        member: CN=\(cn),OU=People,DC=corp,DC=example

        """
    }

    private func importLDIF(_ text: String, into store: ScimdeckStore) throws -> ImportReport {
        let file = try TestEnvironment.makeTemporaryDirectory("ldif-ids").appendingPathComponent("export.ldif")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        return try DirectoryImporter(store: store).importFile(at: file.path)
    }

    func test_renamedGroupAndNewUPNInAnLDIFAreRenamesInTheStoreAndInTheApp() async throws {
        let world = try EngineWorld()
        try importLDIF(Self.export(upn: "ann@corp.example", mail: "ann@corp.example", cn: "Ann Lee", groupCN: "Staff"), into: world.store)
        let ann = try XCTUnwrap(try world.store.directory.person(login: "ann@corp.example"))
        XCTAssertEqual(ann.externalKey, "03020100-0504-0706-0809-0a0b0c0d0e0f", "objectGUID as a directory source writes it")
        let staff = try XCTUnwrap(try world.store.directory.group(name: "Staff"))
        try world.assign(group: "Staff")
        try world.push(group: "Staff")
        try await world.sync()
        let found = try await world.remoteUser("ann@corp.example")
        let user = try XCTUnwrap(found)
        let pushed = try await world.remoteGroups()
        XCTAssertEqual(pushed.map(\.displayName), ["Staff"])

        // Ann married: a new CN, UPN and mail; the group was renamed. Same objectGUIDs.
        let report = try importLDIF(Self.export(upn: "ann.ray@corp.example", mail: "ann.ray@corp.example", cn: "Ann Ray", groupCN: "Staff (all)"),
                                    into: world.store)
        XCTAssertEqual(report.peopleRenamed, 1, "\(report)")
        XCTAssertEqual(report.groupsRenamed, 1, "\(report)")
        XCTAssertEqual(report.peopleAdded + report.groupsAdded, 0, "\(report)")
        XCTAssertEqual(try world.store.directory.peopleCount(), 1)
        XCTAssertEqual(try world.store.directory.groupsCount(), 1)
        XCTAssertEqual(try world.store.directory.person(login: "ann.ray@corp.example")?.id, ann.id, "the same person")
        XCTAssertEqual(try world.store.directory.group(name: "Staff (all)")?.id, staff.id, "the same group")
        XCTAssertEqual(try world.store.directory.members(group: "Staff (all)").map(\.login), ["ann.ray@corp.example"])
        XCTAssertFalse(try importLDIF(Self.export(upn: "ann.ray@corp.example", mail: "ann.ray@corp.example", cn: "Ann Ray", groupCN: "Staff (all)"),
                                      into: world.store).changesAnything, "the same export again changes nothing")

        try await world.sync()
        let users = try await world.remoteUsers()
        XCTAssertEqual(users.count, 1, "renamed, not a second user")
        XCTAssertEqual(users.first?.id, user.id)
        XCTAssertEqual(users.first?.userName, "ann.ray@corp.example")
        let groups = try await world.remoteGroups()
        XCTAssertEqual(groups.count, 1, "renamed, not a second group")
        XCTAssertEqual(groups.first?.id, pushed.first?.id)
        XCTAssertEqual(groups.first?.displayName, "Staff (all)")
    }
}
