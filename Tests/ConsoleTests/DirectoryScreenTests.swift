import Foundation
import Store
import Terminal
import ViewModels
import XCTest

final class DirectoryScreenTests: XCTestCase {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/directory.csv").path

    private func sampleWorkspace() throws -> Workspace {
        let workspace = try ConsoleHarness.emptyWorkspace()
        XCTAssertTrue(DirectoryListing.importFile(at: Self.sample, in: workspace).ok)
        return workspace
    }

    func test_peopleShowWithACJKNameAlignedAndSlashFilters() throws {
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace()).run([typed("d"), typed("/li")])
        let lines = terminal.trimmedLines
        XCTAssertTrue(lines[0].hasPrefix(" scimdeck ▸ Directory ▸ People"), lines[0])
        XCTAssertTrue(lines[1].contains("People (50)") && lines[1].contains("Groups (8)"), lines[1])
        let li = try XCTUnwrap(lines.first { $0.contains("xiaolong.li@example.com") }, terminal.text)
        let header = try XCTUnwrap(lines.first { $0.contains("USERNAME") })
        let column = DisplayWidth.of(String(header[..<header.range(of: "USERNAME")!.lowerBound]))
        XCTAssertEqual(DisplayWidth.of(String(li[..<li.range(of: "xiaolong.li")!.lowerBound])), column, "小龙 李 takes two columns a character")
        XCTAssertTrue(li.contains("小龙 李"))
        XCTAssertTrue(lines[21].hasPrefix("│/li"), lines[21])
        XCTAssertFalse(terminal.text.contains("zoe.martin@example.com"), "filtered out")
    }

    func test_slashMatchesNonASCIINamesInAnyCaseAndShowsEveryColumn() throws {
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: [.input(typed("d")), .waitFor("USERNAME"), .input(typed("/ÖZTÜRK"))])
        let lines = terminal.trimmedLines
        let ayse = try XCTUnwrap(lines.first { $0.contains("ayse.ozturk@example.com") }, terminal.text)
        XCTAssertTrue(ayse.contains("Ayşe Öztürk") && ayse.contains("active"), ayse)
        XCTAssertTrue(lines[21].hasPrefix("│/ÖZTÜRK") && lines[21].hasSuffix("1 of 50 │"), lines[21])
    }

    func test_tabShowsGroupsWithMemberCounts() throws {
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace()).run([typed("d"), key(.tab)])
        XCTAssertTrue(terminal.trimmedLines[0].hasPrefix(" scimdeck ▸ Directory ▸ Groups"))
        let everyone = try XCTUnwrap(terminal.trimmedLines.first { $0.contains("Everyone") }, terminal.text)
        XCTAssertTrue(everyone.hasSuffix("50 │"), everyone)
    }

    func test_iImportsAFileByPath() throws {
        let workspace = try ConsoleHarness.emptyWorkspace()
        let terminal = try ConsoleHarness(workspace: workspace)
            .run([typed("d"), typed("i"), [.paste(Self.sample)], key(.enter)])
        XCTAssertEqual(try workspace.store.directory.peopleCount(), 50)
        XCTAssertTrue(terminal.text.contains("People (50)"), terminal.text)
        XCTAssertTrue(terminal.text.contains("✓ Imported"), terminal.text)
    }
}
