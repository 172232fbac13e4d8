import Foundation
import Store
import XCTest

/// `peopleColumns()`, the one query behind the Directory's People table.
final class PeopleColumnsTests: StoreTestCase {
    private func search(_ columns: PeopleColumns, _ row: Int) -> String {
        columns.withSearchText(row) { String(decoding: $0, as: UTF8.self) }
    }

    func test_everyPersonIsListedOnceByLoginWithTheShownColumns() throws {
        let directory = try openStore().directory
        try directory.addPerson(Person(login: "zoe.martin@example.com", firstName: "Zoë", lastName: "Martin", email: "zoe.martin@example.com"))
        try directory.addPerson(Person(login: "X.Li@example.com", firstName: "小龙", lastName: "李", email: "dragon@corp.example", status: .suspended))
        try directory.addPerson(Person(login: "ÉMILE@example.com", firstName: "Émile", email: "emile@example.com", status: .deactivated))
        try directory.addPerson(Person(login: "núñez@example.com", lastName: "Núñez"))
        try directory.addPerson(Person(login: "nameless@example.com"))
        let columns = try directory.peopleColumns()
        XCTAssertEqual(columns.count, 5)
        // By the case-folded login, as `directory list` orders them: "émile" sorts after the ASCII letters.
        let logins = (0..<columns.count).map(columns.login)
        XCTAssertEqual(logins, ["nameless@example.com", "núñez@example.com", "X.Li@example.com", "zoe.martin@example.com", "ÉMILE@example.com"])
        XCTAssertEqual((0..<columns.count).map(columns.name), ["", "Núñez", "小龙 李", "Zoë Martin", "Émile"])
        XCTAssertEqual((0..<columns.count).map(columns.email), ["", "", "dragon@corp.example", "zoe.martin@example.com", "emile@example.com"])
        XCTAssertEqual((0..<columns.count).map(columns.status), [.active, .active, .suspended, .active, .deactivated])
        XCTAssertEqual(search(columns, 2), "x.li@example.com\n小龙 李\ndragon@corp.example")
        XCTAssertEqual(search(columns, 4), "émile@example.com\némile \nemile@example.com")
        XCTAssertEqual(columns.searchText(3), "zoe.martin@example.com\nzoë martin\nzoe.martin@example.com")
    }

    func test_membershipsNeitherRepeatNorHidePeople() throws {
        let directory = try openStore().directory
        try directory.addPerson(Person(login: "ann@example.com", firstName: "Ann"))
        try directory.addPerson(Person(login: "bob@example.com", firstName: "Bob"))
        try directory.addPerson(Person(login: "loner@example.com", firstName: "Lone"))
        try directory.addGroup(DirectoryGroup(name: "Sales"))
        try directory.addGroup(DirectoryGroup(name: "Ventes et Marché"))
        try directory.addGroup(DirectoryGroup(name: "Empty"))
        for group in ["Sales", "Ventes et Marché"] { try directory.addMember(login: "ann@example.com", group: group) }
        try directory.addMember(login: "bob@example.com", group: "Sales")
        let columns = try directory.peopleColumns()
        XCTAssertEqual((0..<columns.count).map(columns.login), ["ann@example.com", "bob@example.com", "loner@example.com"])
        XCTAssertEqual(try directory.groups().map { "\($0.group.name) \($0.memberCount)" }, ["Empty 0", "Sales 2", "Ventes et Marché 1"])
    }

    func test_anEmptyDirectoryHasNoRows() throws {
        let columns = try openStore().directory.peopleColumns()
        XCTAssertEqual(columns.count, 0)
        XCTAssertEqual(columns, PeopleColumns())
    }
}
