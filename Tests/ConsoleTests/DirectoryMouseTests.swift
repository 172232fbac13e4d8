import Foundation
import Terminal
import ViewModels
import XCTest

/// The Directory under the mouse, on an 80×24 screen: the tab row is line 1, the table's header
/// line 3 and its first row line 4 (the sample's people by login: aiko, amelie, anna, arjun, …).
final class DirectoryMouseTests: XCTestCase {
    private func sampleWorkspace() throws -> Workspace {
        let workspace = try ConsoleHarness.emptyWorkspace()
        XCTAssertTrue(DirectoryListing.importFile(at: DirectoryScreenTests.sample, in: workspace).ok)
        return workspace
    }

    private func mouse(_ kind: MouseEvent.Kind, x: Int, y: Int) -> [InputEvent] {
        [.mouse(MouseEvent(kind: kind, position: Point(x: x, y: y)))]
    }

    private func openDirectory() -> [ConsoleHarness.Step] {
        [.input(typed("d")), .waitFor("USERNAME")]
    }

    private func selectedLine(_ terminal: some ScreenCapture) -> String? {
        terminal.trimmedLines.first { $0.hasPrefix("│▸") }
    }

    func test_clickingAPeopleRowSelectsIt() throws {
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: openDirectory() + [.input(mouse(.leftPress, x: 30, y: 6))])
        XCTAssertEqual(terminal.trimmedLines.firstIndex { $0.hasPrefix("│▸") }, 6, terminal.text)
        XCTAssertTrue(selectedLine(terminal)?.contains("anna.muller@example.com") == true, terminal.text)
    }

    func test_clickingTheHeaderOrBelowTheLastRowKeepsTheSelection() throws {
        let header = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: openDirectory() + [.input(typed("jj")), .input(mouse(.leftPress, x: 30, y: 3))])
        XCTAssertTrue(selectedLine(header)?.contains("anna.muller@example.com") == true, header.text)
        let below = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: openDirectory() + [.input(typed("/aiko")), .input(key(.enter)), .input(mouse(.leftPress, x: 30, y: 10))])
        XCTAssertTrue(selectedLine(below)?.contains("aiko.sato@example.com") == true, below.text)
    }

    func test_clickingInAFilteredTableSelectsTheMatchUnderThePointer() throws {
        // "ez" matches daniela.hernandez, hernan.lopez, ines.fernandez and jose.nunez: the third is on line 6.
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: openDirectory() + [.input(typed("/ez")), .input(key(.enter)), .input(mouse(.leftPress, x: 5, y: 6))])
        XCTAssertTrue(selectedLine(terminal)?.contains("Inés Fernández") == true, terminal.text)
    }

    func test_clickingTheGroupsTitleSwitchesTabsAndAGroupRowSelectsIt() throws {
        // "People (50)" spans columns 1–13 of the tab row, then " │ ", then "Groups (8)".
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: openDirectory() + [.input(mouse(.leftPress, x: 18, y: 1)), .input(mouse(.leftPress, x: 10, y: 5))])
        XCTAssertTrue(terminal.trimmedLines[0].hasPrefix(" scimdeck ▸ Directory ▸ Groups"), terminal.text)
        XCTAssertEqual(terminal.trimmedLines.firstIndex { $0.hasPrefix("│▸") }, 5, terminal.text)
        let back = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: openDirectory() + [.input(key(.tab)), .input(mouse(.leftPress, x: 4, y: 1))])
        XCTAssertTrue(back.trimmedLines[0].hasPrefix(" scimdeck ▸ Directory ▸ People"), back.text)
    }

    func test_theWheelMovesTheSelectionThreeRowsAtATime() throws {
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: openDirectory() + [.input(mouse(.wheelDown, x: 30, y: 8)), .input(mouse(.wheelDown, x: 30, y: 8)),
                                           .input(mouse(.wheelUp, x: 30, y: 8))])
        XCTAssertEqual(terminal.trimmedLines.firstIndex { $0.hasPrefix("│▸") }, 7, terminal.text)
        XCTAssertTrue(selectedLine(terminal)?.contains("arjun.mehta@example.com") == true, terminal.text)
    }

    func test_clicksWhileTheDirectoryLoadsAreIgnored() throws {
        // The click comes in the same read as `d`: the load has not posted back yet.
        let terminal = try ConsoleHarness(workspace: try sampleWorkspace())
            .run(steps: [.input(typed("d") + mouse(.leftPress, x: 30, y: 6)), .waitFor("USERNAME")])
        XCTAssertEqual(terminal.trimmedLines.firstIndex { $0.hasPrefix("│▸") }, 4, terminal.text)
    }
}
