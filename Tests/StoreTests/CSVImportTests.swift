import Foundation
import Store
import XCTest

final class CSVImportTests: StoreTestCase {
    func test_goodFileImportsPeopleGroupsAndAttributes() throws {
        let store = try openStore()
        let report = try importFile(try fixture("csv/people.csv"), into: store)
        XCTAssertEqual(report.outcome, .applied)
        XCTAssertEqual(report.issues, [])
        XCTAssertEqual(report.peopleAdded, 4)
        XCTAssertEqual(report.groupsAdded, 4)
        XCTAssertEqual(report.membershipsAdded, 5)

        let directory = store.directory
        // The BOM is not part of the first header: `Login` was recognised.
        let zoe = try XCTUnwrap(try directory.person(login: "zoe.martin@example.com"))
        XCTAssertEqual(zoe.firstName, "Zoë")
        XCTAssertEqual(zoe.source, "csv")
        XCTAssertEqual(zoe.attributes, ["Title": "Engineer, Senior", "Department": "Engineering"])
        let jose = try XCTUnwrap(try directory.person(login: "jose.nunez@example.com"))
        XCTAssertEqual(jose.lastName, "Núñez")
        XCTAssertEqual(jose.status, .suspended)
        XCTAssertEqual(jose.attributes["Title"], "Account\nExecutive")
        let li = try XCTUnwrap(try directory.person(login: "xiaolong.li@example.com"))
        XCTAssertEqual(li.displayName, "小龙 李")
        XCTAssertEqual(li.status, .deactivated)
        XCTAssertEqual(li.attributes["Title"], #"He said "hi""#)
        let ann = try XCTUnwrap(try directory.person(login: "ann.lee@example.com"))
        XCTAssertEqual(ann.status, .active)
        XCTAssertEqual(ann.attributes, [:])

        XCTAssertEqual(try directory.members(group: "Engineering").map(\.login), ["xiaolong.li@example.com", "zoe.martin@example.com"])
        XCTAssertEqual(try directory.groups(ofLogin: "xiaolong.li@example.com").map(\.name), ["Engineering", "Security"])
    }

    func test_reimportChangesNothingAndAChangedRowUpdatesThatPerson() throws {
        let store = try openStore()
        _ = try importFile(try fixture("csv/people.csv"), into: store)
        let before = try store.directory.person(login: "jose.nunez@example.com")

        let again = try importFile(try fixture("csv/people.csv"), into: store)
        XCTAssertFalse(again.changesAnything, "\(again)")
        XCTAssertEqual(again.peopleUnchanged, 4)
        XCTAssertEqual(try store.directory.person(login: "jose.nunez@example.com")?.updatedAt, before?.updatedAt)

        let changed = try importFile(try fixture("csv/people-changed.csv"), into: store)
        XCTAssertEqual(changed.peopleUpdated, 1)
        XCTAssertEqual(changed.peopleUnchanged, 3)
        XCTAssertEqual(changed.membershipsRemoved, 1)
        XCTAssertEqual(changed.membershipsAdded, 0)
        XCTAssertEqual(try store.directory.person(login: "zoe.martin@example.com")?.lastName, "Martin-Ng")
        XCTAssertEqual(try store.directory.groups(ofLogin: "zoe.martin@example.com").map(\.name), ["Engineering"])
        XCTAssertEqual(try store.directory.peopleCount(), 4)
    }

    func test_dryRunReportsButSavesNothing() throws {
        let store = try openStore()
        let report = try importFile(try fixture("csv/people.csv"), into: store, ImportOptions(dryRun: true))
        XCTAssertEqual(report.outcome, .dryRun)
        XCTAssertEqual(report.peopleAdded, 4)
        XCTAssertEqual(try store.directory.peopleCount(), 0)
        XCTAssertEqual(try store.directory.groupsCount(), 0)
    }

    func test_brokenQuotingIsReportedWithItsLineAndImportsNothing() throws {
        let store = try openStore()
        let report = try importFile(try fixture("csv/broken-quoting.csv"), into: store)
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [2])
        XCTAssertTrue(report.errors[0].reason.contains("quoting"), report.errors[0].reason)
        XCTAssertEqual(try store.directory.peopleCount(), 0)
    }

    func test_wrongEncodingIsRefusedWithTheLine() throws {
        let store = try openStore()
        XCTAssertThrowsError(try importFile(try fixture("csv/latin1.csv"), into: store)) { error in
            XCTAssertEqual(error as? ImportError, .notUTF8(line: 2))
        }
        XCTAssertEqual(try store.directory.peopleCount(), 0)
    }

    func test_missingLoginColumnIsRefused() throws {
        let store = try openStore()
        XCTAssertThrowsError(try importFile(try fixture("csv/missing-login-column.csv"), into: store)) { error in
            XCTAssertEqual(error as? ImportError, .missingColumn("login"))
        }
    }

    func test_loginsThatDifferOnlyByCaseAreAnError() throws {
        let store = try openStore()
        let report = try importFile(try fixture("csv/duplicate-case.csv"), into: store)
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [4])
        XCTAssertTrue(report.errors[0].reason.contains("differs only by case from ann.lee@example.com on line 2"), report.errors[0].reason)
        XCTAssertEqual(try store.directory.peopleCount(), 0)

        let skipping = try importFile(try fixture("csv/duplicate-case.csv"), into: store, ImportOptions(skipInvalid: true))
        XCTAssertEqual(skipping.outcome, .applied)
        XCTAssertEqual(skipping.peopleSkipped, 1)
        XCTAssertEqual(try store.directory.people().map(\.login), ["ann.lee@example.com", "bob@example.com"])
    }

    func test_badRowsAreEachReportedAndSkipInvalidImportsTheRest() throws {
        let store = try openStore()
        let report = try importFile(try fixture("csv/bad-rows.csv"), into: store)
        XCTAssertEqual(report.outcome, .rejected)
        XCTAssertEqual(report.errors.map(\.line), [3, 4, 5])
        XCTAssertEqual(report.errors[0].reason, "missing login")
        XCTAssertTrue(report.errors[1].reason.contains("malformed email"), report.errors[1].reason)
        XCTAssertTrue(report.errors[2].reason.contains("unknown status"), report.errors[2].reason)
        XCTAssertEqual(try store.directory.peopleCount(), 0)

        let skipping = try importFile(try fixture("csv/bad-rows.csv"), into: store, ImportOptions(skipInvalid: true))
        XCTAssertEqual(skipping.peopleAdded, 2)
        XCTAssertEqual(skipping.errors.count, 3)
        XCTAssertEqual(try store.directory.person(login: "also.good@example.com")?.status, .suspended)
    }

    func test_lineNumbersCountLineBreaksInsideQuotes() throws {
        let path = try writeFile("multiline.csv", "login,note\na@example.com,\"one\ntwo\nthree\"\n,missing\n")
        let report = try importFile(path, into: try openStore())
        XCTAssertEqual(report.errors.map(\.line), [5])
    }

    /// The reader cuts a file in two at a row boundary; here the middle falls inside a quoted field
    /// with commas, doubled quotes and CRLF breaks, and rows and lines must come out as if read whole.
    func test_aQuotedFieldAcrossTheMiddleStaysOneFieldAndLinesStayRight() throws {
        let note = String(repeating: "a, \"b\"\r\n", count: 20)
        let quotedNote = "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let text = "login,note\r\nfirst@example.com,one\r\nmid@example.com,\(quotedNote)\r\nlast@example.com,two\r\n,missing\r\n"
        let store = try openStore()
        let report = try importFile(try writeFile("middle.csv", text), into: store)
        XCTAssertEqual(report.errors.map(\.line), [25])
        let skipping = try importFile(try writeFile("middle.csv", text), into: store, ImportOptions(skipInvalid: true))
        XCTAssertEqual(skipping.peopleAdded, 3)
        XCTAssertEqual(try store.directory.person(login: "mid@example.com")?.attributes["note"], note)
        XCTAssertEqual(try store.directory.person(login: "last@example.com")?.attributes["note"], "two")
    }
}
