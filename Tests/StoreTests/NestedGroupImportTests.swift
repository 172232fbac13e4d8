import Foundation
import GRDB
import Store
import XCTest

/// Nested groups (a group whose members include groups) in LDIF and SCIM JSON are expanded: the
/// outer group holds the people of every group inside it.
final class NestedGroupImportTests: StoreTestCase {
    private let jose = "jose.nunez@corp.example.com", zoe = "zoe.martin@corp.example.com", ann = "ann.lee@corp.example.com"
    private let bob = "bob.stone@corp.example.com", wei = "wei.chen@corp.example.com", dana = "dana.kim@corp.example.com"

    private func members(_ group: String, _ store: ScimdeckStore) throws -> [String] {
        try store.directory.members(group: group).map(\.login)
    }

    /// The logins a group holds only through a group it contains.
    private func throughNesting(_ group: String, _ store: ScimdeckStore) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT p.login FROM membership m JOIN person p ON p.id = m.personId JOIN directoryGroup g ON g.id = m.groupId
                WHERE g.name = ? AND NOT m.direct ORDER BY p.loginKey
                """, arguments: [group])
        }
    }

    func test_activeDirectoryNestedGroupsAreExpandedThroughThreeLevels() throws {
        let store = try openStore()
        let report = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        XCTAssertEqual(report.outcome, .applied)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.peopleAdded, 6)
        XCTAssertEqual(report.groupsAdded, 6)
        XCTAssertEqual(report.membershipsAdded, 17)
        XCTAssertEqual(report.membershipsAddedThroughNesting, 9)
        XCTAssertEqual(report.groupNestingAdded, 5)
        XCTAssertTrue(report.description.contains("memberships 17 added (9 through nested groups), 0 removed"), report.description)

        XCTAssertEqual(try members("Platform", store), [ann, wei])
        XCTAssertEqual(try members("Engineering", store), [ann, wei, zoe])
        XCTAssertEqual(try throughNesting("Engineering", store), [ann, wei])
        // José's DN is base64 in the file and named in upper case by Sales: `cn=NÚÑEZ\, JOSÉ,ou=people,…`.
        XCTAssertEqual(try members("Sales", store), [bob, jose])
        XCTAssertEqual(try members("All Staff", store), [ann, bob, dana, jose, wei, zoe])
        XCTAssertEqual(try throughNesting("All Staff", store), [ann, bob, jose, wei, zoe])
        let chen = try XCTUnwrap(try store.directory.person(login: wei))
        XCTAssertEqual(chen.lastName, "Chen", "an escaped comma in the DN `CN=Chen\\, Wei` is part of the name")
        XCTAssertEqual(try store.directory.groups(ofLogin: wei).map(\.name), ["All Staff", "Engineering", "Platform"])
    }

    func test_cycleOfNestedGroupsIsNamedAndExpandedOnce() throws {
        let store = try openStore()
        let report = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        let cycles = report.issues.filter { $0.reason.contains("cycle") }
        XCTAssertEqual(cycles.count, 1, "\(report.issues)")
        XCTAssertEqual(cycles.first?.severity, .warning)
        XCTAssertEqual(cycles.first?.line, 108, "the line of Security, the first group of the cycle in the file")
        XCTAssertTrue(cycles.first?.reason.contains("Security ⊃ Auditors ⊃ Security") == true, cycles.first?.reason ?? "")
        // Security contains Auditors, which contains Security: each holds the people of both.
        // Auditors names José as `CN=N\C3\BA\C3\B1ez\2C Jos\C3\A9,…` (hex escapes).
        XCTAssertEqual(try members("Security", store), [jose, zoe])
        XCTAssertEqual(try members("Auditors", store), [jose, zoe])
        XCTAssertEqual(try throughNesting("Security", store), [jose])
        XCTAssertEqual(try throughNesting("Auditors", store), [zoe])
    }

    func test_reimportWithNoChangeWritesNothing() throws {
        let store = try openStore()
        _ = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        let again = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        XCTAssertFalse(again.changesAnything, "\(again)")
        XCTAssertEqual(again.membershipsAdded + again.membershipsRemoved + again.membershipsReclassified, 0)
        XCTAssertEqual(again.groupsUnchanged, 6)
    }

    func test_movingAPersonBetweenInnerGroupsUpdatesTheOuterGroups() throws {
        let store = try openStore()
        _ = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)

        // Ann moves from Platform (inside Engineering) to Sales; both are inside All Staff.
        let dryRun = try importFile(try fixture("ldif/nested-groups-moved.ldif"), into: store, ImportOptions(dryRun: true))
        XCTAssertEqual(dryRun.outcome, .dryRun)
        XCTAssertEqual(try members("Engineering", store), [ann, wei, zoe], "a dry run saves nothing")

        let moved = try importFile(try fixture("ldif/nested-groups-moved.ldif"), into: store)
        for report in [dryRun, moved] {
            XCTAssertEqual(report.membershipsAdded, 1, "\(report)")
            XCTAssertEqual(report.membershipsAddedThroughNesting, 0)
            XCTAssertEqual(report.membershipsRemoved, 2, "Platform and, through it, Engineering")
            XCTAssertEqual(report.membershipsRemovedThroughNesting, 1)
            XCTAssertEqual(report.membershipsReclassified, 0)
        }
        XCTAssertTrue(moved.description.contains("memberships 1 added, 2 removed (1 through nested groups)"), moved.description)
        XCTAssertEqual(try members("Platform", store), [wei])
        XCTAssertEqual(try members("Engineering", store), [wei, zoe])
        XCTAssertEqual(try members("Sales", store), [ann, bob, jose])
        XCTAssertEqual(try members("All Staff", store), [ann, bob, dana, jose, wei, zoe], "Ann is still in All Staff, through Sales")

        XCTAssertFalse(try importFile(try fixture("ldif/nested-groups-moved.ldif"), into: store).changesAnything)
    }

    /// A file holding an inner group alone still updates the groups that contain it: the store keeps
    /// the nesting and which memberships are direct.
    func test_addingByHandAPersonWhoCameThroughNestingMakesThemADirectMember() throws {
        let store = try openStore()
        _ = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        XCTAssertTrue(try throughNesting("All Staff", store).contains(ann))
        XCTAssertTrue(try store.directory.addMember(login: ann, group: "All Staff"), "a member through nesting is made direct")
        XCTAssertFalse(try throughNesting("All Staff", store).contains(ann))
        XCTAssertFalse(try store.directory.addMember(login: ann, group: "All Staff"), "already a direct member")
    }

    func test_removingByHandKeepsWhatTheNestingGivesAndRefusesWhatOnlyItGives() throws {
        let store = try openStore()
        _ = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        // Wei is in Engineering only through Platform: that is Platform's to change.
        XCTAssertThrowsError(try store.directory.removeMember(login: wei, group: "Engineering")) { error in
            XCTAssertEqual(error as? StoreError, .memberThroughNesting(login: wei, group: "Engineering"))
        }
        XCTAssertTrue(try members("Engineering", store).contains(wei))
        // Named by All Staff and also in it through Platform: removing the name leaves the nesting.
        try store.directory.addMember(login: ann, group: "All Staff")
        XCTAssertTrue(try store.directory.removeMember(login: ann, group: "All Staff"))
        XCTAssertTrue(try members("All Staff", store).contains(ann))
        XCTAssertTrue(try throughNesting("All Staff", store).contains(ann))
        // Named by Engineering alone: removed.
        XCTAssertTrue(try store.directory.removeMember(login: zoe, group: "Engineering"))
        XCTAssertFalse(try members("Engineering", store).contains(zoe))
    }

    func test_fileWithOnlyTheInnerGroupUpdatesTheGroupsAroundIt() throws {
        let store = try openStore()
        _ = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        let path = try writeFile("platform.ldif", """
            dn: CN=Dana Kim,OU=People,DC=corp,DC=example,DC=com
            objectClass: user
            userPrincipalName: dana.kim@corp.example.com
            mail: dana.kim@corp.example.com
            givenName: Dana
            sn: Kim
            sAMAccountName: dkim
            userAccountControl: 512

            dn: CN=Platform,OU=Groups,DC=corp,DC=example,DC=com
            objectClass: group
            cn: Platform
            member: CN=Dana Kim,OU=People,DC=corp,DC=example,DC=com

            """)
        let report = try importFile(path, into: store)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(try members("Platform", store), [dana])
        XCTAssertEqual(try members("Engineering", store), [dana, zoe])
        XCTAssertEqual(try throughNesting("Engineering", store), [dana])
        // Ann and Wei were in All Staff only through Platform; Dana is named by All Staff itself.
        XCTAssertEqual(try members("All Staff", store), [bob, dana, jose, zoe])
        XCTAssertEqual(try throughNesting("All Staff", store), [bob, jose, zoe])
        XCTAssertEqual(report.membershipsAdded, 2, "\(report)")
        XCTAssertEqual(report.membershipsRemoved, 6, "\(report)")
        XCTAssertEqual(report.membershipsReclassified, 0, "Dana stays a direct member of All Staff")
        // The cycle runs through groups this file does not hold: it is still named.
        let cycle = try XCTUnwrap(report.issues.first { $0.reason.contains("cycle") })
        XCTAssertTrue(cycle.reason.contains("Security ⊃ Auditors ⊃ Security"), cycle.reason)
        XCTAssertEqual(cycle.line, 0)
    }

    func test_groupTakenOutOfItsParentTakesItsPeopleWithIt() throws {
        let store = try openStore()
        _ = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        let original = try String(contentsOfFile: try fixture("ldif/nested-groups.ldif"), encoding: .utf8)
        let path = try writeFile("unnested.ldif", original.replacingOccurrences(
            of: "member: cn=platform,ou=groups,dc=corp,dc=example,dc=com\n", with: ""))
        let report = try importFile(path, into: store)
        XCTAssertEqual(report.groupNestingRemoved, 1)
        XCTAssertEqual(report.membershipsRemoved, 4, "Ann and Wei leave Engineering and All Staff")
        XCTAssertEqual(try members("Engineering", store), [zoe])
        XCTAssertEqual(try members("All Staff", store), [bob, dana, jose, zoe])
    }

    func test_scimGroupsNestedByTypeAndRef() throws {
        let store = try openStore()
        let report = try importFile(try fixture("scim/nested-groups.json"), into: store)
        XCTAssertEqual(report.outcome, .applied)
        XCTAssertEqual(report.issues, [])
        XCTAssertEqual(report.membershipsAdded, 11)
        XCTAssertEqual(report.membershipsAddedThroughNesting, 5)
        XCTAssertEqual(try store.directory.members(group: "Engineering").map(\.login),
                       ["ann.lee@example.com", "jose.nunez@example.com", "zoe.martin@example.com"])
        XCTAssertEqual(try store.directory.members(group: "Sales").map(\.login), ["dana.kim@example.com", "jose.nunez@example.com"])
        XCTAssertEqual(try store.directory.members(group: "All Staff").map(\.login),
                       ["ann.lee@example.com", "dana.kim@example.com", "jose.nunez@example.com", "zoe.martin@example.com"])
        XCTAssertFalse(try importFile(try fixture("scim/nested-groups.json"), into: store).changesAnything)
    }

    func test_scimMemberGroupThatIsNotInTheFileIsReportedOnItsLine() throws {
        let path = try writeFile("unknown-group.json", """
            [
              {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "1", "userName": "ann.lee@example.com"},
              {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "10", "displayName": "Admins",
               "members": [{"value": "1"}, {"value": "99", "type": "Group"}]}
            ]
            """)
        let report = try importFile(path, into: try openStore())
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [3])
        XCTAssertTrue(report.errors[0].reason.contains("unknown group member group 99 in Admins"), report.errors[0].reason)
    }

    /// A CSV names each person's groups; groups nested by an earlier LDIF keep expanding.
    func test_csvAfterNestedLDIFKeepsTheNesting() throws {
        let store = try openStore()
        _ = try importFile(try fixture("ldif/nested-groups.ldif"), into: store)
        let path = try writeFile("moves.csv", "login,groups\n\(ann),Sales\n")
        let report = try importFile(path, into: store)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(try members("Platform", store), [wei])
        XCTAssertEqual(try members("Engineering", store), [wei, zoe])
        XCTAssertEqual(try members("Sales", store), [ann, bob, jose])
        XCTAssertEqual(try members("All Staff", store), [ann, bob, dana, jose, wei, zoe])
    }
}
