import Foundation
import GRDB
import LDAP
import Store
import TestSupport
import XCTest

/// Full and incremental imports from a real slapd: paging, renames, disabled accounts, membership
/// changes and removals.
final class SourceImportTests: XCTestCase {
    private var slapd: SlapdFixture?

    override func tearDown() {
        slapd?.stop()
    }

    private func start(_ seed: String) throws -> SlapdFixture {
        let server = try SlapdFixture.start(seed: seed)
        slapd = server
        return server
    }

    /// ann, bob and cy; Engineering holds ann and bob, Staff holds Engineering (nested) and cy;
    /// a posixGroup names bob by uid. The posixGroup is the newest entry: the first import's change
    /// mark is its timestamp, so an incremental import reads it again, and the changed entries.
    private func smallDirectory() -> String {
        SlapdDirectory.person("ann", first: "Ann", last: "Lee") + SlapdDirectory.person("bob", first: "Bob", last: "Ray")
            + SlapdDirectory.person("cy", first: "Cy", last: "Oz")
            + SlapdDirectory.groupOfNames("Engineering", members: [SlapdDirectory.personDN("ann"), SlapdDirectory.personDN("bob")])
            + SlapdDirectory.groupOfNames("Staff", members: [SlapdDirectory.groupDN("Engineering"), SlapdDirectory.personDN("cy")])
            + "dn: cn=builders,\(SlapdFixture.groupsDN)\nobjectClass: posixGroup\ncn: builders\ngidNumber: 5000\nmemberUid: bob\nmodifyTimestamp: 20240102000000Z\n\n"
    }

    private func memberLogins(_ store: ScimdeckStore, _ group: String) throws -> [String] {
        try store.directory.members(group: group).map(\.login).sorted()
    }

    func test_2500PeopleInNestedGroupsImportThroughPages() throws {
        var seed = ""
        for index in 1...2500 { seed += SlapdDirectory.person(String(format: "u%04d", index), first: "User", last: "N\(index)") }
        var departments: [String] = []
        for department in 0..<5 {
            let members = (1...2500).filter { $0 % 5 == department }.map { SlapdDirectory.personDN(String(format: "u%04d", $0)) }
            seed += SlapdDirectory.groupOfNames("Dept\(department)", members: members)
            departments.append(SlapdDirectory.groupDN("Dept\(department)"))
        }
        seed += SlapdDirectory.groupOfNames("Everyone", members: departments)
        let slapd = try start(seed)
        let store = try SlapdSource.store(slapd, pageSize: 500)

        let started = Date()
        let report = try SlapdSource.importer(store).importSource(named: "corp")
        let seconds = Date().timeIntervalSince(started)
        print("full import of 2,500 people and 6 groups from slapd: \(String(format: "%.2f", seconds)) s; \(report)")

        XCTAssertEqual(report.kind, .full)
        XCTAssertEqual(report.peopleRead.entries, 2500)
        XCTAssertGreaterThan(report.peopleRead.pages, 1, "read in pages of 500")
        XCTAssertGreaterThanOrEqual(report.peopleRead.pages, 5)
        XCTAssertEqual(report.peopleAdded, 2500)
        XCTAssertEqual(report.groupsAdded, 6)
        XCTAssertEqual(try store.directory.peopleCount(), 2500)
        XCTAssertEqual(try store.directory.members(group: "Dept3").count, 500)
        XCTAssertEqual(try store.directory.members(group: "Everyone").count, 2500, "nested groups expanded")
        let person = try XCTUnwrap(try store.directory.person(login: "u0042"))
        XCTAssertEqual(person.source, "corp")
        XCTAssertEqual(person.externalKey?.count, 36, "entryUUID kept as the stable id")
        XCTAssertEqual(person.email, "u0042@example.com")

        let again = try SlapdSource.importer(store).importSource(named: "corp", full: true)
        XCTAssertFalse(again.changesAnything, "a second full import changes nothing: \(again)")
        XCTAssertEqual(again.peopleUnchanged, 2500)
    }

    func test_renamedUidArrivesByIncrementalImportAsARename() throws {
        let slapd = try start(smallDirectory())
        let store = try SlapdSource.store(slapd)
        try SlapdSource.importer(store).importSource(named: "corp")
        let before = try XCTUnwrap(try store.directory.person(login: "ann"))

        try slapd.rename(SlapdDirectory.personDN("ann"), to: "uid=anna")
        let report = try SlapdSource.importer(store).importSource(named: "corp")

        XCTAssertEqual(report.kind, .incremental)
        XCTAssertEqual(report.peopleRead.entries, 1, "only the renamed entry is read")
        XCTAssertEqual(report.peopleRenamed, 1, "\(report)")
        XCTAssertEqual(report.peopleAdded, 0)
        XCTAssertEqual(report.peopleRemoved, 0)
        XCTAssertNil(try store.directory.person(login: "ann"))
        let after = try XCTUnwrap(try store.directory.person(login: "anna"))
        XCTAssertEqual(after.id, before.id, "the same person, renamed")
        XCTAssertEqual(after.externalKey, before.externalKey)
        XCTAssertEqual(try store.directory.peopleCount(), 3)
        XCTAssertEqual(try memberLogins(store, "Engineering"), ["anna", "bob"], "memberships follow the rename")
        XCTAssertEqual(try memberLogins(store, "Staff"), ["anna", "bob", "cy"])
    }

    func test_renamedGroupArrivesAsARenameOfTheSameGroup() throws {
        let slapd = try start(smallDirectory())
        let store = try SlapdSource.store(slapd)
        try SlapdSource.importer(store).importSource(named: "corp")
        let before = try XCTUnwrap(try store.directory.group(name: "Engineering"))

        try slapd.rename(SlapdDirectory.groupDN("Engineering"), to: "cn=R&D")
        let report = try SlapdSource.importer(store).importSource(named: "corp")

        XCTAssertEqual(report.groupsRenamed, 1, "\(report)")
        XCTAssertEqual(report.groupsAdded, 0)
        XCTAssertEqual(try store.directory.group(name: "R&D")?.id, before.id)
        XCTAssertNil(try store.directory.group(name: "Engineering"))
        XCTAssertEqual(try memberLogins(store, "R&D"), ["ann", "bob"])
        XCTAssertEqual(try memberLogins(store, "Staff"), ["ann", "bob", "cy"], "still nested under its new name")
    }

    func test_disabledAccountArrivesByIncrementalImportAsDeactivated() throws {
        let slapd = try start(smallDirectory())
        let store = try SlapdSource.store(slapd)
        try SlapdSource.importer(store).importSource(named: "corp")
        XCTAssertEqual(try store.directory.person(login: "bob")?.status, .active)

        try slapd.modify("dn: \(SlapdDirectory.personDN("bob"))\nchangetype: modify\nadd: employeeType\nemployeeType: disabled\n")
        let report = try SlapdSource.importer(store).importSource(named: "corp")

        XCTAssertEqual(report.kind, .incremental)
        XCTAssertEqual(report.peopleRead.entries, 1, "only the changed entry is read")
        XCTAssertEqual(report.peopleUpdated, 1, "\(report)")
        XCTAssertEqual(report.peopleUnchanged, 0)
        XCTAssertEqual(try store.directory.person(login: "bob")?.status, .deactivated)
        XCTAssertEqual(try store.directory.person(login: "ann")?.status, .active)
    }

    func test_membershipChangeArrivesByIncrementalImport() throws {
        let slapd = try start(smallDirectory())
        let store = try SlapdSource.store(slapd)
        try SlapdSource.importer(store).importSource(named: "corp")

        try slapd.modify("""
            dn: \(SlapdDirectory.groupDN("Engineering"))
            changetype: modify
            delete: member
            member: \(SlapdDirectory.personDN("bob"))
            -
            add: member
            member: \(SlapdDirectory.personDN("cy"))

            """)
        let report = try SlapdSource.importer(store).importSource(named: "corp")

        XCTAssertEqual(report.kind, .incremental)
        XCTAssertEqual(report.groupsRead.entries, 2, "the changed group, and the one at the change mark")
        XCTAssertEqual(report.peopleRead.entries, 0)
        XCTAssertEqual(try memberLogins(store, "Engineering"), ["ann", "cy"], "\(report)")
        XCTAssertEqual(try memberLogins(store, "Staff"), ["ann", "cy"], "bob left the nested group, so the outer one too")
        XCTAssertEqual(try memberLogins(store, "builders"), ["bob"], "posixGroup memberUid")
    }

    func test_fullImportRemovesAPersonDeletedInSlapdAndIncrementalDoesNot() throws {
        let slapd = try start(smallDirectory())
        let store = try SlapdSource.store(slapd)
        try SlapdSource.importer(store).importSource(named: "corp")
        try store.directory.addPerson(Person(login: "hand-made"))

        try slapd.delete(SlapdDirectory.personDN("cy"))
        let incremental = try SlapdSource.importer(store).importSource(named: "corp")
        XCTAssertEqual(incremental.peopleRemoved, 0, "an incremental read cannot see a deletion")
        XCTAssertNotNil(try store.directory.person(login: "cy"))

        let full = try SlapdSource.importer(store).importSource(named: "corp", full: true)
        XCTAssertEqual(full.kind, .full)
        XCTAssertEqual(full.peopleRemoved, 1, "\(full)")
        XCTAssertNil(try store.directory.person(login: "cy"))
        XCTAssertNotNil(try store.directory.person(login: "hand-made"), "people of other sources stay")
        XCTAssertEqual(try memberLogins(store, "Staff"), ["ann", "bob"])
    }

    func test_dryRunSaysWhatWouldChangeAndSavesNothing() throws {
        let slapd = try start(smallDirectory())
        let store = try SlapdSource.store(slapd)
        let dry = try SlapdSource.importer(store).importSource(named: "corp", dryRun: true)
        XCTAssertTrue(dry.dryRun)
        XCTAssertEqual(dry.peopleAdded, 3)
        XCTAssertTrue(dry.description.contains("would change"), dry.description)
        XCTAssertEqual(try store.directory.peopleCount(), 0)
        XCTAssertNil(try store.directorySources.source(named: "corp")?.changeMark, "the next import is still the first")

        let real = try SlapdSource.importer(store).importSource(named: "corp")
        XCTAssertEqual(real.peopleAdded, 3)
        XCTAssertNotNil(try store.directorySources.source(named: "corp")?.changeMark)
    }

    func test_fullImportThatFindsNoPeopleIsRefusedUnlessAllowed() throws {
        let slapd = try start(smallDirectory())
        let store = try SlapdSource.store(slapd)
        try SlapdSource.importer(store).importSource(named: "corp")
        var source = try XCTUnwrap(try store.directorySources.source(named: "corp"))
        source.userFilter = "(uid=nobody-matches-this)"
        try store.directorySources.save(source, password: SecretValue(slapd.rootPassword))

        XCTAssertThrowsError(try SlapdSource.importer(store).importSource(named: "corp", full: true)) { error in
            XCTAssertEqual(error as? DirectorySourceError, .emptyFullImport(source: "corp", stored: 3))
        }
        XCTAssertEqual(try store.directory.peopleCount(), 3, "nothing removed")

        let allowed = try SlapdSource.importer(store).importSource(named: "corp", full: true, allowEmpty: true)
        XCTAssertEqual(allowed.peopleRemoved, 3)
        XCTAssertEqual(try store.directory.peopleCount(), 0)
    }
}
