import Foundation
import LDAP
import Store
import TestSupport
import XCTest

/// The Active Directory preset against a real Samba AD DC: attributes, the objectGUID stable id,
/// disabled accounts, nested groups through pages, and changes arriving by `uSNChanged`.
/// Skipped, saying why, where Samba cannot run.
final class SambaADImportTests: XCTestCase {
    private var dc: SambaDCFixture?

    override func setUpWithError() throws {
        if let reason = SambaDCFixture.unavailableReason { throw XCTSkip(reason) }
    }

    override func tearDown() {
        dc?.stop()
        dc = nil
    }

    private func start(_ seed: String) throws -> SambaDCFixture {
        let started = try SambaDCFixture.start(seed: seed)
        dc = started
        print("SambaDCFixture: copied, seeded and started in \(String(format: "%.1f", started.preparedSeconds)) s (samba answered \(String(format: "%.1f", started.startSeconds)) s after launch)")
        return started
    }

    private func memberLogins(_ store: ScimdeckStore, _ group: String) throws -> [String] {
        try store.directory.members(group: group).map(\.login).sorted()
    }

    func test_fullImportReadsTheADPresetAndExpandsNestedGroupsThroughPages() throws {
        let bulk = (1...150).map { String(format: "b%03d", $0) }
        var seed = SambaDirectory.units
        seed += SambaDirectory.person("bob", first: "Bob", last: "Ray")
        seed += SambaDirectory.person("ann", first: "Ann", last: "Lee", extra: [
            "department: Engineering", "title: Staff Engineer", "manager: \(SambaDirectory.personDN("bob"))",
        ])
        seed += SambaDirectory.person("carl", first: "Carl", last: "Oz", control: SambaDirectory.disabled)
        for name in bulk { seed += SambaDirectory.person(name, first: "Bulk", last: name) }
        seed += SambaDirectory.group("Platform", members: [SambaDirectory.personDN("carl")] + bulk.map(SambaDirectory.personDN))
        seed += SambaDirectory.group("Engineering", members: [SambaDirectory.personDN("ann"), SambaDirectory.groupDN("Platform")])
        let dc = try start(seed)
        let store = try SambaDirectory.store(dc, pageSize: 40)

        let report = try SambaDirectory.importer(store).importSource(named: "ad")

        XCTAssertEqual(report.kind, .full)
        XCTAssertEqual(report.peopleRead.entries, 153, "\(report)")
        XCTAssertGreaterThanOrEqual(report.peopleRead.pages, 4, "read in pages of 40")
        XCTAssertEqual(report.peopleAdded, 153)
        XCTAssertEqual(report.groupsAdded, 2)
        XCTAssertTrue(report.issues.isEmpty, "\(report.issues)")

        let ann = try XCTUnwrap(try store.directory.person(login: "ann@scimdeck.test"), "userPrincipalName is the login")
        let samba = try dc.show("user", "ann")
        XCTAssertEqual(ann.externalKey, try XCTUnwrap(samba["objectGUID"]).lowercased(), "objectGUID in the form Samba writes it")
        XCTAssertEqual(ann.source, "ad")
        XCTAssertEqual(ann.firstName, "Ann")
        XCTAssertEqual(ann.lastName, "Lee")
        XCTAssertEqual(ann.email, "ann@corp.example")
        XCTAssertEqual(ann.attributes["displayName"], "Ann Lee")
        XCTAssertEqual(ann.attributes["department"], "Engineering")
        XCTAssertEqual(ann.attributes["title"], "Staff Engineer")
        XCTAssertEqual(ann.attributes["manager"], "bob@scimdeck.test", "the manager's DN becomes their login")
        XCTAssertEqual(ann.status, .active)
        XCTAssertEqual(try store.directory.person(login: "carl@scimdeck.test")?.status, .deactivated, "userAccountControl bit 2")

        XCTAssertEqual(try store.directory.members(group: "Platform").count, 151)
        let engineering = try memberLogins(store, "Engineering")
        XCTAssertEqual(engineering.count, 152, "ann, and Platform's members through nesting")
        XCTAssertTrue(engineering.contains("b150@scimdeck.test"))
        XCTAssertTrue(engineering.contains("carl@scimdeck.test"))

        let again = try SambaDirectory.importer(store).importSource(named: "ad", full: true)
        XCTAssertFalse(again.changesAnything, "a second full import changes nothing: \(again)")
    }

    func test_renameDisableDeletionAndMembershipChangeArriveByUSNChanged() throws {
        var seed = SambaDirectory.units
        for (name, first) in [("ann", "Ann"), ("bob", "Bob"), ("carl", "Carl"), ("dan", "Dan")] {
            seed += SambaDirectory.person(name, first: first, last: "Example")
        }
        seed += SambaDirectory.group("Platform", members: [SambaDirectory.personDN("carl"), SambaDirectory.personDN("dan")])
        seed += SambaDirectory.group("Engineering", members: [SambaDirectory.personDN("ann"), SambaDirectory.groupDN("Platform")])
        let dc = try start(seed)
        let store = try SambaDirectory.store(dc)
        let importer = SambaDirectory.importer(store)
        try importer.importSource(named: "ad")
        let ann = try XCTUnwrap(try store.directory.person(login: "ann@scimdeck.test"))
        let platform = try XCTUnwrap(try store.directory.group(name: "Platform"))

        // A new CN and a new UPN for ann; bob disabled; dan out of Platform and bob in; Platform renamed.
        try dc.rename(SambaDirectory.personDN("ann"), to: "CN=Ann Lee")
        try dc.modify("""
            dn: CN=Ann Lee,\(SambaDirectory.peopleDN)
            changetype: modify
            replace: userPrincipalName
            userPrincipalName: anna@scimdeck.test

            dn: \(SambaDirectory.personDN("bob"))
            changetype: modify
            replace: userAccountControl
            userAccountControl: \(SambaDirectory.disabled)

            dn: \(SambaDirectory.groupDN("Platform"))
            changetype: modify
            delete: member
            member: \(SambaDirectory.personDN("dan"))
            -
            add: member
            member: \(SambaDirectory.personDN("bob"))

            """)
        try dc.rename(SambaDirectory.groupDN("Platform"), to: "CN=Platform Team")
        let report = try importer.importSource(named: "ad")

        XCTAssertEqual(report.kind, .incremental)
        XCTAssertLessThanOrEqual(report.peopleRead.entries, 3, "the changed people (and the one at the mark), not all: \(report)")
        XCTAssertLessThanOrEqual(report.groupsRead.entries, 2, "\(report)")
        XCTAssertEqual(report.peopleRenamed, 1, "\(report)")
        XCTAssertEqual(report.groupsRenamed, 1, "\(report)")
        XCTAssertEqual(report.peopleAdded + report.groupsAdded, 0)
        XCTAssertNil(try store.directory.person(login: "ann@scimdeck.test"))
        XCTAssertEqual(try store.directory.person(login: "anna@scimdeck.test")?.id, ann.id, "the same person, renamed")
        XCTAssertEqual(try store.directory.person(login: "bob@scimdeck.test")?.status, .deactivated)
        XCTAssertEqual(try store.directory.group(name: "Platform Team")?.id, platform.id, "the same group, renamed")
        XCTAssertEqual(try memberLogins(store, "Platform Team"), ["bob@scimdeck.test", "carl@scimdeck.test"])
        XCTAssertEqual(try memberLogins(store, "Engineering"), ["anna@scimdeck.test", "bob@scimdeck.test", "carl@scimdeck.test"],
                       "the outer group follows the inner one")

        // A deletion arrives by an incremental import too: AD keeps the deleted object's objectGUID in a tombstone.
        try dc.delete(SambaDirectory.personDN("dan"))
        let incremental = try importer.importSource(named: "ad")
        XCTAssertEqual(incremental.kind, .incremental)
        XCTAssertEqual(incremental.peopleRemoved, 1, "\(incremental)")
        XCTAssertTrue(incremental.issues.isEmpty, "\(incremental.issues)")
        XCTAssertNil(try store.directory.person(login: "dan@scimdeck.test"))
        let full = try importer.importSource(named: "ad", full: true)
        XCTAssertEqual(full.peopleRemoved, 0, "nothing left for the full import: \(full)")
        XCTAssertFalse(full.changesAnything, "\(full)")
        XCTAssertEqual(try store.directory.peopleCount(), 3)
    }

    func test_bindAndBaseErrorsAreToldApart() throws {
        let dc = try start(SambaDirectory.units)
        let store = try ScimdeckStore()
        func check(_ change: (inout DirectorySource) -> Void, password: String? = nil) throws -> DirectorySourceImporter.Check {
            var source = SambaDirectory.source(dc)
            change(&source)
            source.name = "probe"
            try store.directorySources.save(source, password: SecretValue(password ?? dc.administratorPassword))
            defer { _ = try? store.directorySources.remove(named: "probe") }
            return try SambaDirectory.importer(store).test(sourceNamed: "probe")
        }
        func error(_ change: (inout DirectorySource) -> Void, password: String? = nil) -> DirectorySourceError? {
            do {
                _ = try check(change, password: password)
                return nil
            } catch {
                return error as? DirectorySourceError
            }
        }

        XCTAssertEqual(try check { _ in }.people.entries, 0, "LDAPS with the DC's CA binds")
        XCTAssertNoThrow(try check { $0.url = SambaDCFixture.ldapURL; $0.startTLS = true }, "StartTLS with the DC's CA binds")
        XCTAssertEqual(error({ _ in }, password: "not-the-password"), .invalidCredentials(bindDN: SambaDCFixture.administratorDN))
        XCTAssertEqual(error { $0.url = SambaDCFixture.ldapURL }, .tlsRequired(url: SambaDCFixture.ldapURL))
        XCTAssertEqual(error { $0.baseDN = "OU=Nowhere,\(SambaDCFixture.baseDN)" }, .noSuchBase(baseDN: "OU=Nowhere,\(SambaDCFixture.baseDN)"))
        // Samba says noSuchObject for a DN outside its domain too (Windows AD answers a referral: `.baseElsewhere`).
        XCTAssertEqual(error { $0.baseDN = "DC=elsewhere,DC=example" }, .noSuchBase(baseDN: "DC=elsewhere,DC=example"))
        let other = try TestCertificateAuthority(in: try TestEnvironment.makeTemporaryDirectory("other-ca"))
        let wrongCA = error { $0.caFile = other.caFile }
        guard case .tls? = wrongCA else { return XCTFail("another CA: \(String(describing: wrongCA))") }
        let port = try TestEnvironment.freeLoopbackPort()
        let closed = error { $0.url = "ldaps://127.0.0.1:\(port)" }
        guard case .unreachable? = closed else { return XCTFail("a closed port: \(String(describing: closed))") }
    }

    func test_cliAddsTestsAndImportsAnADSourceWithoutShowingThePassword() throws {
        let dc = try start(SambaDirectory.units + SambaDirectory.person("ann", first: "Ann", last: "Lee")
            + SambaDirectory.group("Staff", members: [SambaDirectory.personDN("ann")]))
        let folder = try TestEnvironment.makeTemporaryDirectory("ad-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store.sqlite").path
        let passwordFile = folder.appendingPathComponent("bind.pw")
        _ = FileManager.default.createFile(atPath: passwordFile.path, contents: Data(dc.administratorPassword.utf8), attributes: [.posixPermissions: 0o600])
        var everything = ""
        func scimdeck(_ arguments: [String]) throws -> ScimdeckRun {
            let run = try ScimdeckRun.run(arguments + ["--store", store], in: folder)
            everything += run.stdout + run.stderr
            return run
        }

        let add = try scimdeck(["directory", "source", "add", "ad", "--preset", "ad", "--url", SambaDCFixture.ldapsURL, "--ca-file", dc.caFile,
                                "--bind-dn", SambaDCFixture.administratorDN, "--password-file", passwordFile.path, "--base-dn", SambaDirectory.corpDN])
        XCTAssertEqual(add.status, 0, add.stderr)
        let test = try scimdeck(["directory", "source", "test", "ad"])
        XCTAssertEqual(test.status, 0, test.stderr)
        XCTAssertTrue(test.stdout.contains("1 people, 1 groups"), test.stdout)
        let first = try scimdeck(["directory", "source", "import", "ad"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("full import of ad: people 1 added"), first.stdout)
        let second = try scimdeck(["directory", "source", "import", "ad"])
        XCTAssertTrue(second.stdout.hasPrefix("incremental import of ad: people 0 added, 0 updated"), second.stdout)

        let plain = try scimdeck(["directory", "source", "add", "plain", "--preset", "ad", "--url", SambaDCFixture.ldapURL,
                                  "--bind-dn", SambaDCFixture.administratorDN, "--password-file", passwordFile.path, "--base-dn", SambaDirectory.corpDN])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let refused = try scimdeck(["directory", "source", "test", "plain"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("refuses a password bind without TLS"), refused.stderr)
        XCTAssertFalse(everything.contains(dc.administratorPassword), "the bind password is never printed")
    }
}
