@testable import Store
import XCTest

final class GroupExpansionTests: XCTestCase {
    private func members(_ expansion: GroupExpansion, _ group: Int64) -> [Int64] {
        expansion.members.filter { $0.group == group }.map(\.person)
    }

    func test_diamondCountsEachPersonOnceAndKeepsTheDirectFlag() {
        // 1 ⊃ 2, 1 ⊃ 3, 2 ⊃ 4, 3 ⊃ 4; person 40 is in 4 and named by 1 itself.
        let expansion = GroupExpansion(direct: [1: [40], 2: [20], 3: [30], 4: [40]], children: [1: [2, 3], 2: [4], 3: [4]])
        XCTAssertEqual(members(expansion, 1), [20, 30, 40])
        XCTAssertEqual(expansion.members.filter { $0.group == 1 }.map(\.direct), [false, false, true])
        XCTAssertEqual(members(expansion, 2), [20, 40])
        XCTAssertEqual(expansion.cycles, [])
        XCTAssertEqual(expansion.members.map { [$0.group, $0.person] }, expansion.members.map { [$0.group, $0.person] }.sorted { $0.lexicographicallyPrecedes($1) })
    }

    func test_cycleWithATailIsNamedOnceAndNeverLoops() {
        // 1 ⊃ 2 ⊃ 3 ⊃ 1, and 3 ⊃ 4 outside the cycle.
        let expansion = GroupExpansion(direct: [1: [10], 2: [20], 3: [30], 4: [40]], children: [1: [2], 2: [3], 3: [1, 4]])
        for group in [1, 2, 3] as [Int64] {
            XCTAssertEqual(members(expansion, group), [10, 20, 30, 40])
        }
        XCTAssertEqual(members(expansion, 4), [40])
        XCTAssertEqual(expansion.cycles, [[1, 2, 3, 1]])
    }

    func test_groupContainingItselfIsACycle() {
        let expansion = GroupExpansion(direct: [7: [70]], children: [7: [7]])
        XCTAssertEqual(members(expansion, 7), [70])
        XCTAssertEqual(expansion.cycles, [[7, 7]])
    }

    func test_deepChainDoesNotSpendTheStack() {
        let depth: Int64 = 50_000
        var children: [Int64: [Int64]] = [:]
        for group in 1..<depth { children[group] = [group + 1] }
        children[depth] = [1]
        let expansion = GroupExpansion(direct: [depth: [1]], children: children)
        XCTAssertEqual(expansion.members.count, Int(depth))
        XCTAssertEqual(expansion.cycles.count, 1)
        XCTAssertEqual(expansion.cycles.first?.count, Int(depth) + 1)
    }
}
