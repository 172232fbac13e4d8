import Provisioning
import Store
import ViewModels
import XCTest

final class CatalogBrowserTests: XCTestCase {
    private func workspace() throws -> Workspace { Workspace(store: try ScimdeckStore(), location: ":memory:") }

    func test_searchNarrowsAsYouTypeAndIgnoresCase() {
        var browser = CatalogBrowser()
        XCTAssertEqual(browser.results.map(\.name), ["Axiad Cloud", "Generic SCIM 2.0"])
        browser.search("AXI")
        XCTAssertEqual(browser.results.map(\.name), ["Axiad Cloud"])
        browser.search("nothing like it")
        XCTAssertTrue(browser.results.isEmpty)
        XCTAssertFalse(browser.add(), "Add does nothing with no entry")
    }

    func test_addStartsTheLabelAsTheEntryNameAndDoneStoresTheAppWithItsDefaultMappings() throws {
        let workspace = try workspace()
        var browser = CatalogBrowser()
        browser.search("axiad")
        XCTAssertTrue(browser.add())
        XCTAssertEqual(browser.step, .label(entryID: "axiad-cloud", label: "Axiad Cloud"))
        let id = try browser.done(label: "  Axiad Cloud (prod) ", in: workspace)
        let app = try XCTUnwrap(try workspace.store.apps.all().first { $0.id == id })
        XCTAssertEqual(app.label, "Axiad Cloud (prod)")
        XCTAssertEqual(app.catalogEntry, "axiad-cloud")
        let mappings = try workspace.store.records(Store.AttributeMapping.self).all(appId: id)
        XCTAssertEqual(mappings.map(\.scimAttribute), Catalog.axiadCloud.defaultMappings.map(\.attribute))
    }

    func test_anEmptyOrTakenLabelIsRefusedWithAReason() throws {
        let workspace = try workspace()
        var browser = CatalogBrowser()
        browser.add()
        XCTAssertThrowsError(try browser.done(label: "   ", in: workspace)) {
            XCTAssertEqual("\($0)", "The application label cannot be empty.")
        }
        _ = try browser.done(label: "HR", in: workspace)
        XCTAssertThrowsError(try browser.done(label: "hr", in: workspace)) {
            XCTAssertEqual("\($0)", "An app is already labelled “hr”: choose another label.")
        }
        XCTAssertEqual(try workspace.store.apps.all().count, 1)
    }

    func test_selectionStaysInRange() {
        var browser = CatalogBrowser()
        browser.move(by: 5)
        XCTAssertEqual(browser.selectedEntry?.name, "Generic SCIM 2.0")
        browser.move(by: -9)
        XCTAssertEqual(browser.selectedEntry?.name, "Axiad Cloud")
    }
}
