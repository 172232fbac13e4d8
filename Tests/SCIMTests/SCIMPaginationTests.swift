import Foundation
import SCIM
import TestSupport
import XCTest

final class SCIMPaginationTests: XCTestCase {
    /// 260 users read back in pages of 100 (3 pages), nobody twice, nobody missed.
    func test_listAllFollowsPagesToTheEnd() async throws {
        let (client, _) = try SCIMTestClients.server()
        let prefix = SCIMTestClients.uniqueName("page")
        let total = 260
        let created = try await withThrowingTaskGroup(of: String?.self) { group in
            var ids: Set<String> = []
            var next = 0
            // 4 in flight, as the provisioning engine sends.
            for _ in 0..<4 {
                let index = next
                next += 1
                group.addTask { try await client.createUser(SCIMUser(userName: "\(prefix)-\(index)")).id }
            }
            while let id = try await group.next() {
                if let id { ids.insert(id) }
                if next < total {
                    let index = next
                    next += 1
                    group.addTask { try await client.createUser(SCIMUser(userName: "\(prefix)-\(index)")).id }
                }
            }
            return ids
        }
        XCTAssertEqual(created.count, total)

        let firstPage = try await client.list(SCIMUser.self, filter: "userName sw \(SCIMFilter.quoted(prefix))", startIndex: 1, count: 100)
        XCTAssertEqual(firstPage.totalResults, total)
        XCTAssertEqual(firstPage.resources.count, 100)

        let all = try await client.listAll(SCIMUser.self, filter: "userName sw \(SCIMFilter.quoted(prefix))")
        XCTAssertEqual(all.count, total)
        XCTAssertEqual(Set(all.compactMap(\.id)), created)
    }
}
