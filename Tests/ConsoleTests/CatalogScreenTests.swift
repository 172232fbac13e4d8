import Provisioning
import Store
import Terminal
import ViewModels
import XCTest

final class CatalogScreenTests: XCTestCase {
    func test_searchAddLabelDoneOpensTheNewAppOnItsTabs() throws {
        let workspace = try ConsoleHarness.emptyWorkspace()
        let harness = ConsoleHarness(workspace: workspace)
        let search = try harness.run([key(.character("b")), typed("axi")])
        XCTAssertTrue(search.trimmedLines[0].hasPrefix(" scimdeck ▸ Applications ▸ Browse App Integration Catalog"), search.trimmedLines[0])
        XCTAssertTrue(search.text.contains("Search axi"))
        XCTAssertTrue(search.text.contains("▸ Axiad Cloud"))
        XCTAssertFalse(search.text.contains("Generic SCIM 2.0"), "search narrows as you type")

        let label = try harness.run([key(.character("b")), typed("axi"), key(.enter)])
        XCTAssertTrue(label.text.contains("┌ Add Axiad Cloud ─"))
        XCTAssertTrue(label.text.contains("Application label  Axiad Cloud"))
        XCTAssertTrue(label.text.contains("[ Cancel ] [ Done ]"))

        let done = try harness.run([key(.character("b")), typed("axi"), key(.enter), key(.control("u")), typed("Axiad Cloud (prod)"), key(.enter)])
        let lines = done.trimmedLines
        XCTAssertTrue(lines[0].hasPrefix(" scimdeck ▸ Applications ▸ Axiad Cloud (prod)"), lines[0])
        XCTAssertEqual(lines[1], "  General │ Sign On │ Provisioning │ Assignments │ Push Groups │ Log")
        XCTAssertEqual(lines[3], "│ Application label        Axiad Cloud (prod)                                  │")
        XCTAssertEqual(lines[4], "│ Catalog entry            Axiad Cloud                                         │")
        XCTAssertTrue(done.text.contains("✓ Added “Axiad Cloud (prod)”."))
        XCTAssertEqual(try workspace.store.apps.all().map(\.label), ["Axiad Cloud (prod)"])
    }

    func test_escOnTheLabelGoesBackToSearchAndEscAgainToTheList() throws {
        let harness = ConsoleHarness(workspace: try ConsoleHarness.emptyWorkspace())
        let back = try harness.run([key(.character("b")), key(.enter), key(.escape)])
        XCTAssertTrue(back.text.contains("Search"))
        let list = try harness.run([key(.character("b")), key(.enter), key(.escape), key(.escape)])
        XCTAssertTrue(list.trimmedLines[0].hasPrefix(" scimdeck ▸ Applications "))
        XCTAssertTrue(list.text.contains("No apps yet"))
    }

    func test_aTakenLabelIsRefusedOnTheForm() throws {
        let workspace = try ConsoleHarness.emptyWorkspace()
        try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud", in: workspace.store)
        let terminal = try ConsoleHarness(workspace: workspace).run([key(.character("b")), key(.enter), key(.enter)])
        XCTAssertTrue(terminal.text.contains("✗ An app is already labelled “Axiad Cloud”: choose another label."), terminal.text)
        XCTAssertEqual(try workspace.store.apps.all().count, 1)
    }
}
