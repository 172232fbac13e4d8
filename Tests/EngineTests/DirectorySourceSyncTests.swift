import Foundation
import LDAP
import Store
import TestSupport
import XCTest

/// A live OpenLDAP source end to end: slapd → import → sync to scim2-server → change in slapd →
/// import → sync.
final class DirectorySourceSyncTests: XCTestCase {
    private var slapd: SlapdFixture?

    override func tearDown() {
        slapd?.stop()
    }

    private static func person(_ uid: String) -> String {
        """
        dn: uid=\(uid),\(SlapdFixture.peopleDN)
        objectClass: inetOrgPerson
        uid: \(uid)
        cn: \(uid.capitalized) Example
        givenName: \(uid.capitalized)
        sn: Example
        mail: \(uid)@example.com


        """
    }

    func test_personDeletedInSlapdIsDeactivatedInTheAppAfterAFullImportAndSync() async throws {
        let seed = Self.person("ann") + Self.person("bob") + Self.person("cy") + """
            dn: cn=Staff,\(SlapdFixture.groupsDN)
            objectClass: groupOfNames
            cn: Staff
            member: uid=ann,\(SlapdFixture.peopleDN)
            member: uid=bob,\(SlapdFixture.peopleDN)
            member: uid=cy,\(SlapdFixture.peopleDN)


            """
        let slapd = try SlapdFixture.start(seed: seed)
        self.slapd = slapd
        let world = try EngineWorld()
        try world.store.directorySources.save(
            DirectorySource(name: "corp", url: slapd.url, bindDN: SlapdFixture.rootDN, baseDN: SlapdFixture.suffix),
            password: SecretValue(slapd.rootPassword))
        let importer = DirectorySourceImporter(store: world.store, connector: LDAPConnector())

        try importer.importSource(named: "corp")
        try world.assign(group: "Staff")
        try await world.sync()
        let created = try await world.remoteUsers()
        XCTAssertEqual(created.compactMap(\.userName).sorted(), ["ann@example.com", "bob@example.com", "cy@example.com"])
        XCTAssertTrue(created.allSatisfy { $0.active == true })

        // A rename in slapd stays the same person: the app gets no second user.
        try slapd.rename("uid=ann,\(SlapdFixture.peopleDN)", to: "uid=anna")
        let renamed = try importer.importSource(named: "corp")
        XCTAssertEqual(renamed.peopleRenamed, 1, "\(renamed)")
        try await world.sync()
        let afterRename = try await world.remoteUsers()
        XCTAssertEqual(afterRename.count, 3)

        try slapd.delete("uid=cy,\(SlapdFixture.peopleDN)")
        let full = try importer.importSource(named: "corp", full: true)
        XCTAssertEqual(full.peopleRemoved, 1, "\(full)")
        try await world.sync()

        let cy = try await world.remoteUser("cy@example.com")
        XCTAssertEqual(cy?.active, false, "removed from the source, so deactivated through the kept link")
        let bob = try await world.remoteUser("bob@example.com")
        XCTAssertEqual(bob?.active, true)
        let remaining = try await world.remoteUsers()
        XCTAssertEqual(remaining.count, 3, "users are never deleted remotely")
    }
}
