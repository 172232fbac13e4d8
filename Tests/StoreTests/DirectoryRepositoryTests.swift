import Foundation
import Store
import XCTest

final class DirectoryRepositoryTests: StoreTestCase {
    func test_loginThatDiffersOnlyByCaseIsRefused() throws {
        let directory = try openStore().directory
        try directory.addPerson(Person(login: "zoë@example.com"))
        XCTAssertThrowsError(try directory.addPerson(Person(login: "ZOË@Example.com"))) { error in
            XCTAssertEqual(error as? StoreError, .duplicateLogin("ZOË@Example.com", existing: "zoë@example.com"))
            XCTAssertTrue("\(error)".contains("differs only by case"), "\(error)")
        }
        XCTAssertEqual(try directory.peopleCount(), 1)
    }

    func test_malformedEmailAndMissingLoginAreRefused() throws {
        let directory = try openStore().directory
        XCTAssertThrowsError(try directory.addPerson(Person(login: "a@example.com", email: "a@b")))
        XCTAssertThrowsError(try directory.addPerson(Person(login: "  ")))
        XCTAssertEqual(try directory.peopleCount(), 0)
    }

    func test_filterMatchesLoginNameOrEmailInAnyCase() throws {
        let directory = try openStore().directory
        try directory.addPerson(Person(login: "zoe.martin@example.com", firstName: "Zoë", lastName: "Martin"))
        try directory.addPerson(Person(login: "x.li@example.com", firstName: "小龙", lastName: "李", email: "dragon@corp.example"))
        try directory.addPerson(Person(login: "ann@example.com", firstName: "Ann"))
        XCTAssertEqual(try directory.people(filter: "ZOË").map(\.login), ["zoe.martin@example.com"])
        XCTAssertEqual(try directory.people(filter: "李").map(\.login), ["x.li@example.com"])
        XCTAssertEqual(try directory.people(filter: "CORP").map(\.login), ["x.li@example.com"])
        XCTAssertEqual(try directory.people(filter: "example").map(\.login), ["ann@example.com", "x.li@example.com", "zoe.martin@example.com"])
        XCTAssertEqual(try directory.people(filter: "example", limit: 1).count, 1)
        XCTAssertEqual(try directory.people(filter: "nobody").count, 0)
    }

    func test_editingKeepsLoginsUniqueAndUpdatesTheFilter() throws {
        let directory = try openStore().directory
        try directory.addPerson(Person(login: "ann@example.com"))
        var bob = try directory.addPerson(Person(login: "bob@example.com", firstName: "Bob"))
        bob.login = "ANN@example.com"
        XCTAssertThrowsError(try directory.updatePerson(bob))
        bob.login = "robert@example.com"
        bob.firstName = "Robert"
        try directory.updatePerson(bob)
        XCTAssertNil(try directory.person(login: "bob@example.com"))
        XCTAssertEqual(try directory.person(login: "Robert@example.com")?.id, bob.id)
        XCTAssertEqual(try directory.people(filter: "robert").map(\.id), [bob.id])
    }

    func test_membershipsAndGroupRemoval() throws {
        let directory = try openStore().directory
        try directory.addPerson(Person(login: "ann@example.com"))
        try directory.addGroup(DirectoryGroup(name: "Sales", description: "Sells"))
        XCTAssertThrowsError(try directory.addGroup(DirectoryGroup(name: "SALES")))
        XCTAssertTrue(try directory.addMember(login: "ANN@example.com", group: "sales"))
        XCTAssertFalse(try directory.addMember(login: "ann@example.com", group: "Sales"))
        XCTAssertThrowsError(try directory.addMember(login: "ghost@example.com", group: "Sales")) { error in
            XCTAssertEqual(error as? StoreError, .personNotFound("ghost@example.com"))
        }
        XCTAssertEqual(try directory.groups().map(\.memberCount), [1])
        XCTAssertEqual(try directory.groups(filter: "SELL").map(\.group.name), ["Sales"])
        XCTAssertTrue(try directory.removeGroup(name: "sales"))
        XCTAssertEqual(try directory.membershipsCount(), 0)
        XCTAssertEqual(try directory.peopleCount(), 1)
    }
}

final class EmailAddressRuleTests: StoreTestCase {
    /// The email rule as the directory applies it, through `addPerson`.
    func test_wellFormedAndMalformedEmails() throws {
        let directory = try openStore().directory
        let good = ["a@example.com", "first.last+tag@sub.example.co.uk", "zoë@exämple.com", "x_y-z@a-b.io"]
        let bad = ["plain", "a@b", "@example.com", "a@@example.com", "a@example..com", ".a@example.com", "a.@example.com",
                   "a..b@example.com", "a b@example.com", "a@-example.com", "a@example.com-", "a@example,com", "<a@example.com>",
                   String(repeating: "l", count: 65) + "@example.com"]
        for (index, email) in good.enumerated() {
            XCTAssertNoThrow(try directory.addPerson(Person(login: "good\(index)", email: email)), email)
        }
        for (index, email) in bad.enumerated() {
            XCTAssertThrowsError(try directory.addPerson(Person(login: "bad\(index)", email: email)), email)
        }
    }
}
