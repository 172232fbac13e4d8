import Foundation
import Store
import Terminal
import ViewModels
import XCTest

final class PaletteAndDemoTests: XCTestCase {
    func test_colonCommandsMoveBetweenScreensAndQuit() throws {
        let harness = ConsoleHarness(workspace: try ConsoleHarness.emptyWorkspace())
        let typing = try harness.run([typed(":dir")])
        XCTAssertEqual(typing.trimmedLines[23], ":dir", "the palette takes the status line")
        let directory = try harness.run([typed(":directory"), key(.enter)])
        XCTAssertTrue(directory.trimmedLines[0].hasPrefix(" scimdeck ▸ Directory"), directory.trimmedLines[0])
        let apps = try harness.run([typed(":directory"), key(.enter), typed(":apps"), key(.enter)])
        XCTAssertTrue(apps.trimmedLines[0].hasPrefix(" scimdeck ▸ Applications "))
        let unknown = try harness.run([typed(":frobnicate"), key(.enter)])
        XCTAssertTrue(unknown.text.contains("No command “frobnicate”"), unknown.text)

        let terminal = MemoryTerminal(size: TerminalSize(columns: 80, rows: 24), script: [typed(":quit"), key(.enter)])
        XCTAssertEqual(try ProgramRunner(program: ConsoleProgramFactory.make(harness.workspace), driver: terminal, theme: .mono).run(), .quit)
    }

    func test_anEmptyStoreOffersTheDemoAndCreateFillsIt() throws {
        let store = try ScimdeckStore()
        let demo = DemoWorkspace(directoryFile: DirectoryScreenTests.sample, baseURL: "http://127.0.0.1:9/v2", token: "demo-token-0000")
        let workspace = Workspace(store: store, location: "demo", demoMaker: { try demo.apply(to: store) })
        let offer = try ConsoleHarness(workspace: workspace).run([])
        XCTAssertTrue(offer.text.contains("┌ Demo workspace"), offer.text)
        XCTAssertTrue(offer.text.contains("[ Not now ]  [ Create demo ]"), offer.text)
        let created = try ConsoleHarness(workspace: workspace).run([key(.enter)])
        XCTAssertTrue(created.text.contains("▸ Axiad Cloud (demo)"), created.text)
        XCTAssertTrue(created.text.contains("● Active"), created.text)
        XCTAssertEqual(try store.directory.peopleCount(), 50)
        let later = try ConsoleHarness(workspace: workspace).run([])
        XCTAssertFalse(later.text.contains("Demo workspace"), "no offer once the store holds something")
    }

    func test_notNowLeavesTheStoreEmpty() throws {
        let store = try ScimdeckStore()
        let workspace = Workspace(store: store, location: "demo", demoMaker: { "made" })
        try ConsoleHarness(workspace: workspace).run([key(.left), key(.enter)])
        XCTAssertTrue(try workspace.isEmpty())
    }

    func test_aTooSmallWindowShowsTheNotice() throws {
        let terminal = try ConsoleHarness(workspace: try ConsoleHarness.emptyWorkspace(), size: TerminalSize(columns: 70, rows: 20)).run([])
        XCTAssertTrue(terminal.text.contains("Make the window larger"), terminal.text)
    }
}
