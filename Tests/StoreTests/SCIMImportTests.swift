import Foundation
import Store
import XCTest

final class SCIMImportTests: StoreTestCase {
    func test_listResponseWithUsersGroupsAndEnterpriseExtension() throws {
        let store = try openStore()
        let report = try importFile(try fixture("scim/list-response.json"), into: store)
        XCTAssertEqual(report.outcome, .applied)
        XCTAssertEqual(report.issues, [])
        XCTAssertEqual(report.peopleAdded, 2)
        XCTAssertEqual(report.groupsAdded, 2)
        XCTAssertEqual(report.membershipsAdded, 2)

        let zoe = try XCTUnwrap(try store.directory.person(login: "zoe.martin@example.com"))
        XCTAssertEqual(zoe.firstName, "Zoë")
        XCTAssertEqual(zoe.email, "zoe.martin@example.com", "the primary email wins")
        XCTAssertEqual(zoe.externalKey, "u-1")
        XCTAssertEqual(zoe.attributes, ["title": "Engineer", "department": "Engineering", "employeeNumber": "1001"])
        let li = try XCTUnwrap(try store.directory.person(login: "李小龙@EXAMPLE.com"))
        XCTAssertEqual(li.status, .deactivated)
        XCTAssertEqual(li.externalKey, "ext-2")
        XCTAssertEqual(try store.directory.members(group: "engineering").count, 2)
        XCTAssertEqual(try store.directory.members(group: "Empty").count, 0)

        XCTAssertFalse(try importFile(try fixture("scim/list-response.json"), into: store).changesAnything)
    }

    func test_plainArrayOfResources() throws {
        let store = try openStore()
        let report = try importFile(try fixture("scim/array.json"), into: store)
        XCTAssertEqual(report.peopleAdded, 2)
        XCTAssertEqual(try store.directory.members(group: "Admins").map(\.login), ["bob.jones@example.com"])
    }

    func test_unknownMemberIsReportedOnTheGroupsLine() throws {
        let store = try openStore()
        let report = try importFile(try fixture("scim/unknown-member.json"), into: store)
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [3])
        XCTAssertTrue(report.errors[0].reason.contains("unknown group member 404"), report.errors[0].reason)
        XCTAssertEqual(try store.directory.groupsCount(), 0)
    }

    func test_malformedEmailAndCaseDuplicateAreReportedByLine() throws {
        let report = try importFile(try fixture("scim/duplicate-case.json"), into: try openStore())
        XCTAssertEqual(report.errors.map(\.line), [3, 4])
        XCTAssertTrue(report.errors[0].reason.contains("malformed email"), report.errors[0].reason)
        XCTAssertTrue(report.errors[1].reason.contains("differs only by case"), report.errors[1].reason)
    }

    func test_malformedJSONIsRefused() throws {
        XCTAssertThrowsError(try importFile(try fixture("scim/malformed.json"), into: try openStore())) { error in
            guard case .malformedJSON = error as? ImportError else { return XCTFail("\(error)") }
        }
    }
}
