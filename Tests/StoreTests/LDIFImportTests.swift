import Foundation
import Store
import XCTest

final class LDIFImportTests: StoreTestCase {
    func test_activeDirectoryExportWithFoldedBase64() throws {
        let store = try openStore()
        let report = try importFile(try fixture("ldif/ad-export.ldif"), into: store)
        XCTAssertEqual(report.outcome, .applied)
        XCTAssertEqual(report.errors, [])
        XCTAssertEqual(report.peopleAdded, 3)
        XCTAssertEqual(report.groupsAdded, 2)

        let directory = store.directory
        let zoe = try XCTUnwrap(try directory.person(login: "zoe.martin@example.com"))
        XCTAssertEqual(zoe.firstName, "Zoë")
        XCTAssertEqual(zoe.email, "zoe.martin@example.com")
        XCTAssertEqual(zoe.status, .active)
        XCTAssertEqual(zoe.source, "ldif")
        XCTAssertEqual(zoe.externalKey, "03020100-0504-0706-0809-0a0b0c0d0e0f", "objectGUID in the form AD prints it, as a directory source reads it")
        // A base64 value folded over two lines.
        XCTAssertEqual(zoe.attributes["title"], "Ingénieure principale, équipe Plateforme d'identité et de provisionnement — Zürich")
        XCTAssertEqual(zoe.attributes["sAMAccountName"], "zmartin")

        let jose = try XCTUnwrap(try directory.person(login: "jose.nunez@example.com"))
        XCTAssertEqual(jose.lastName, "Núñez")
        XCTAssertEqual(jose.status, .deactivated, "userAccountControl 514 has the ACCOUNTDISABLE bit")
        // No userPrincipalName and no mail: sAMAccountName is the login; 66048 is enabled.
        let li = try XCTUnwrap(try directory.person(login: "xli"))
        XCTAssertEqual(li.displayName, "小龙 李")
        XCTAssertEqual(li.status, .active)

        let engineering = try XCTUnwrap(try directory.group(name: "Engineering"))
        XCTAssertEqual(engineering.description, "Everyone who builds, runs and secures the product, across all of the engineering teams")
        XCTAssertEqual(try directory.members(group: "Engineering").map(\.login), ["xli", "zoe.martin@example.com"])
        // A member DN spelled in another case and with spaces still resolves.
        XCTAssertEqual(try directory.members(group: "Sales").map(\.login), ["jose.nunez@example.com"])

        let again = try importFile(try fixture("ldif/ad-export.ldif"), into: store)
        XCTAssertFalse(again.changesAnything, "\(again)")
    }

    func test_unknownGroupMemberIsAnErrorWithTheEntryLine() throws {
        let store = try openStore()
        let report = try importFile(try fixture("ldif/unknown-member.ldif"), into: store)
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [17])
        XCTAssertTrue(report.errors[0].reason.contains("unknown group member uid=ghost"), report.errors[0].reason)
        XCTAssertEqual(try store.directory.peopleCount(), 0)

        let skipping = try importFile(try fixture("ldif/unknown-member.ldif"), into: store, ImportOptions(skipInvalid: true))
        XCTAssertEqual(skipping.outcome, .applied)
        XCTAssertEqual(try store.directory.members(group: "admins").map(\.login), ["ann.lee@example.org"])
    }

    func test_duplicateLoginsByCaseAreAnError() throws {
        let store = try openStore()
        let report = try importFile(try fixture("ldif/duplicate-case.ldif"), into: store)
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [7])
        XCTAssertTrue(report.errors[0].reason.contains("differs only by case"), report.errors[0].reason)
    }

    func test_wrongEncodingIsRefusedWithTheLine() throws {
        XCTAssertThrowsError(try importFile(try fixture("ldif/latin1.ldif"), into: try openStore())) { error in
            XCTAssertEqual(error as? ImportError, .notUTF8(line: 4))
        }
    }

    func test_invalidBase64IsReported() throws {
        let path = try writeFile("bad.ldif", "dn: uid=a,dc=x\nobjectClass: inetOrgPerson\nmail: a@example.com\ngivenName:: %%%notbase64\n")
        let report = try importFile(path, into: try openStore())
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [4])
    }
}
