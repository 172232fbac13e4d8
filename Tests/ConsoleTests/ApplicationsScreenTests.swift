import Provisioning
import Store
import Terminal
import ViewModels
import XCTest

final class ApplicationsScreenTests: XCTestCase {
    func test_anEmptyStoreAt80x24SaysHowToStart() throws {
        let terminal = try ConsoleHarness(workspace: try ConsoleHarness.emptyWorkspace()).run([])
        let lines = terminal.trimmedLines
        XCTAssertEqual(lines.count, 24)
        XCTAssertEqual(lines[0], " scimdeck ▸ Applications         store: ~/.local/share/scimdeck/scimdeck.sqlite")
        XCTAssertEqual(lines[1], "┌──────────────────────────────────────────────────────────────────────────────┐")
        XCTAssertEqual(lines[2], "│ [b] Browse App Integration Catalog     [d] Directory    / filter             │")
        XCTAssertEqual(lines[4], "│  APPLICATION          CATALOG     PROVISIONING      USERS GROUPS TASKS       │")
        XCTAssertEqual(lines[5], "│  No apps yet: press b to browse the catalog and add Axiad Cloud.             │")
        XCTAssertEqual(lines[22], "└──────────────────────────────────────────────────────────────────────────────┘")
        XCTAssertTrue(lines[23].hasSuffix("⏎ open  b catalog  d directory  / filter  : command  ? help  q quit"), lines[23])
        XCTAssertTrue(lines[23].hasPrefix(" 0 apps"), lines[23])
    }

    func test_at200ColumnsTheColumnsWidenAndACJKLabelKeepsThemAligned() throws {
        let workspace = try ConsoleHarness.emptyWorkspace()
        try AppCreation.add(entry: Catalog.axiadCloud, label: "李小龙的应用", in: workspace.store)
        try AppCreation.add(entry: Catalog.genericSCIM, label: "HR Portal", in: workspace.store)
        let terminal = try ConsoleHarness(workspace: workspace, size: TerminalSize(columns: 200, rows: 50)).run([])
        let lines = terminal.trimmedLines
        XCTAssertEqual(lines.count, 50)
        XCTAssertEqual(DisplayWidth.of(terminal.lines[5]), 200)
        let header = lines[4], cjk = lines[5], latin = lines[6]
        XCTAssertTrue(cjk.hasPrefix("│▸ 李小龙的应用 "), cjk)
        XCTAssertTrue(latin.hasPrefix("│  HR Portal "), latin)
        // The catalog column starts at the same display column on every line.
        let column = DisplayWidth.of(String(header[..<header.range(of: "CATALOG")!.lowerBound]))
        XCTAssertGreaterThan(column, 60, "wide screens give the label room")
        XCTAssertEqual(DisplayWidth.of(String(cjk[..<cjk.range(of: "Axiad Cloud")!.lowerBound])), column)
        XCTAssertEqual(DisplayWidth.of(String(latin[..<latin.range(of: "Generic SCIM 2.0")!.lowerBound])), column)
    }

    func test_slashFiltersTheListAndEscClearsIt() throws {
        let workspace = try ConsoleHarness.emptyWorkspace()
        try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud (prod)", in: workspace.store)
        try AppCreation.add(entry: Catalog.genericSCIM, label: "HR Portal", in: workspace.store)
        let filtered = try ConsoleHarness(workspace: workspace).run([key(.character("/")), typed("hr")])
        XCTAssertTrue(filtered.text.contains("▸ HR Portal"))
        XCTAssertFalse(filtered.text.contains("Axiad Cloud (prod)"))
        XCTAssertTrue(filtered.trimmedLines[21].hasSuffix("1 of 2 │"), filtered.trimmedLines[21])
        let cleared = try ConsoleHarness(workspace: workspace).run([key(.character("/")), typed("hr"), key(.escape)])
        XCTAssertTrue(cleared.text.contains("Axiad Cloud (prod)"))
    }

    func test_qQuitsFromTheListAndHelpOpensOnQuestionMark() throws {
        let workspace = try ConsoleHarness.emptyWorkspace()
        let help = try ConsoleHarness(workspace: workspace).run([key(.character("?"))])
        XCTAssertTrue(help.text.contains("Keys · any key closes"))
        XCTAssertTrue(help.text.contains("Browse App Integration Catalog"))
        let terminal = MemoryTerminal(size: TerminalSize(columns: 80, rows: 24), script: [key(.character("q"))])
        let reason = try ProgramRunner(program: ConsoleProgramFactory.make(workspace), driver: terminal, theme: .mono).run()
        XCTAssertEqual(reason, .quit)
        XCTAssertTrue(terminal.wasStopped)
    }
}
