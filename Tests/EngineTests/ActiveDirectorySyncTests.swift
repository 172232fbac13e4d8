import Foundation
import LDAP
import Store
import TestSupport
import XCTest

/// A real Samba AD DC end to end: import → sync to scim2-server → rename, disable, membership
/// change and deletion in AD → incremental and full imports → sync. Skipped, saying why, where
/// Samba cannot run.
final class ActiveDirectorySyncTests: XCTestCase {
    private var dc: SambaDCFixture?

    override func setUpWithError() throws {
        if let reason = SambaDCFixture.unavailableReason { throw XCTSkip(reason) }
    }

    override func tearDown() {
        dc?.stop()
        dc = nil
    }

    private static let corp = "OU=Corp,\(SambaDCFixture.baseDN)"

    private static func dn(_ name: String) -> String { "CN=\(name),\(corp)" }

    private static func person(_ name: String) -> String {
        """
        dn: \(dn(name))
        objectClass: user
        sAMAccountName: \(name)
        userPrincipalName: \(name)@scimdeck.test
        givenName: \(name.capitalized)
        sn: Example
        mail: \(name)@corp.example
        userAccountControl: 544


        """
    }

    func test_renameDisableMembershipAndDeletionInADReachTheApp() async throws {
        let seed = "dn: \(Self.corp)\nobjectClass: organizationalUnit\nou: Corp\n\n"
            + ["ann", "bob", "cy", "dee"].map(Self.person).joined()
            + "dn: \(Self.dn("Inner"))\nobjectClass: group\nsAMAccountName: Inner\nmember: \(Self.dn("cy"))\nmember: \(Self.dn("dee"))\n\n"
            + "dn: \(Self.dn("Staff"))\nobjectClass: group\nsAMAccountName: Staff\nmember: \(Self.dn("ann"))\nmember: \(Self.dn("bob"))\nmember: \(Self.dn("Inner"))\n\n"
        let dc = try SambaDCFixture.start(seed: seed)
        self.dc = dc
        let world = try EngineWorld()
        try world.store.directorySources.save(
            DirectorySource(name: "ad", url: SambaDCFixture.ldapsURL, bindDN: SambaDCFixture.administratorDN, baseDN: Self.corp,
                            preset: .ad, caFile: dc.caFile),
            password: SecretValue(dc.administratorPassword))
        let importer = DirectorySourceImporter(store: world.store, connector: LDAPConnector())
        try importer.importSource(named: "ad")
        try world.assign(group: "Staff")
        try await world.sync()
        let before = try await world.remoteUsers()
        XCTAssertEqual(before.compactMap(\.userName).sorted(), ["ann@corp.example", "bob@corp.example", "cy@corp.example", "dee@corp.example"],
                       "nested Inner's members are in Staff")
        let annID = before.first { $0.userName == "ann@corp.example" }?.id

        // ann's mail (the app's userName) and UPN change; bob is disabled; dee leaves Inner.
        try dc.modify("""
            dn: \(Self.dn("ann"))
            changetype: modify
            replace: userPrincipalName
            userPrincipalName: ann.ray@scimdeck.test
            -
            replace: mail
            mail: ann.ray@corp.example

            dn: \(Self.dn("bob"))
            changetype: modify
            replace: userAccountControl
            userAccountControl: 546

            dn: \(Self.dn("Inner"))
            changetype: modify
            delete: member
            member: \(Self.dn("dee"))

            """)
        let incremental = try importer.importSource(named: "ad")
        XCTAssertEqual(incremental.kind, .incremental)
        XCTAssertEqual(incremental.peopleRenamed, 1, "\(incremental)")
        try await world.sync()
        let renamed = try await world.remoteUser("ann.ray@corp.example")
        XCTAssertEqual(renamed?.id, annID, "renamed in the app, not a second user")
        let bob = try await world.remoteUser("bob@corp.example")
        XCTAssertEqual(bob?.active, false, "disabled in AD")
        let dee = try await world.remoteUser("dee@corp.example")
        XCTAssertEqual(dee?.active, false, "out of the nested group, so out of scope")
        let afterIncremental = try await world.remoteUsers()
        XCTAssertEqual(afterIncremental.count, 4)

        try dc.delete(Self.dn("cy"))
        let full = try importer.importSource(named: "ad", full: true)
        XCTAssertEqual(full.peopleRemoved, 1, "\(full)")
        try await world.sync()
        let cy = try await world.remoteUser("cy@corp.example")
        XCTAssertEqual(cy?.active, false, "deleted in AD, found by the full import")
        let ann = try await world.remoteUser("ann.ray@corp.example")
        XCTAssertEqual(ann?.active, true)
    }
}
