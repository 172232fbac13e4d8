import Provisioning
import Store
import ViewModels
import XCTest

/// Provisioning → To App: Edit, the three checkboxes, Save and Cancel, through the runner and the store.
final class ToAppViewModelTests: XCTestCase {
    func test_loadShowsTheSavedTogglesReadOnlyAndNoSyncPassword() async throws {
        let world = try TabWorld()
        var model = ToAppViewModel()
        await world.runner.send(.appear, to: &model)
        XCTAssertEqual(model.phase, .viewing)
        XCTAssertEqual(model.rows.map(\.label), ["Create Users", "Update User Attributes", "Deactivate Users"])
        XCTAssertEqual(model.rows.map(\.isOn), [false, false, false])
        XCTAssertEqual(model.rows.map(\.isEnabled), [false, false, false], "read-only until Edit")
        XCTAssertFalse(model.offersSyncPassword)
        XCTAssertEqual(model.syncPasswordNote, "Sync Password is not offered: \(Catalog.axiadCloud.syncPasswordUnsupportedReason ?? "")")
    }

    func test_editCheckAllThreeAndSaveStoresThem() async throws {
        let world = try TabWorld()
        var model = ToAppViewModel()
        await world.runner.send(.appear, to: &model)
        await world.runner.send(.toggle(.createUsers), to: &model)
        XCTAssertFalse(model.toggles.createUsers, "no change outside Edit")

        await world.runner.send(.edit, to: &model)
        XCTAssertEqual(model.rows.map(\.isEnabled), [true, true, true])
        for option in ToAppOption.allCases { await world.runner.send(.toggle(option), to: &model) }
        XCTAssertTrue(model.hasChanges)
        XCTAssertEqual(try world.settings().createUsers, false, "nothing stored before Save")

        await world.runner.send(.save, to: &model)
        XCTAssertEqual(model.phase, .viewing)
        XCTAssertEqual(model.notice, "Saved.")
        XCTAssertEqual(model.toggles, .allOn)
        let settings = try world.settings()
        XCTAssertEqual([settings.createUsers, settings.updateUserAttributes, settings.deactivateUsers], [true, true, true])
    }

    func test_cancelDropsTheEditsAndStoresNothing() async throws {
        let world = try TabWorld()
        var model = ToAppViewModel()
        await world.runner.send(.appear, to: &model)
        await world.runner.send(.edit, to: &model)
        await world.runner.send(.toggle(.deactivateUsers), to: &model)
        XCTAssertTrue(model.toggles.deactivateUsers)
        XCTAssertTrue(model.hasUnsavedChanges)
        await world.runner.send(.cancel, to: &model)
        XCTAssertFalse(model.hasUnsavedChanges)
        XCTAssertEqual(model.phase, .viewing)
        XCTAssertEqual(model.toggles, .allOff)
        XCTAssertFalse(try world.settings().deactivateUsers)
    }

    func test_unsupportedOptionCannotBeToggled() {
        var model = ToAppViewModel()
        _ = model.send(.loaded(ToAppSnapshot(toggles: .allOff, catalogName: "Read-only HR", supportsCreateUsers: true,
                                             supportsUpdateUsers: true, supportsDeactivateUsers: false, syncPasswordUnsupportedReason: nil)))
        _ = model.send(.edit)
        XCTAssertEqual(model.send(.toggle(.deactivateUsers)), [])
        XCTAssertFalse(model.toggles.deactivateUsers)
        XCTAssertEqual(model.rows.map(\.isEnabled), [true, true, false])
        XCTAssertTrue(model.offersSyncPassword)
        XCTAssertNil(model.syncPasswordNote)
    }

    func test_saveFailureStaysInEdit() {
        var model = ToAppViewModel()
        _ = model.send(.loaded(ToAppSnapshot(toggles: .allOff, entry: Catalog.axiadCloud)))
        _ = model.send(.edit)
        _ = model.send(.toggle(.createUsers))
        XCTAssertEqual(model.send(.save), [.save(ProvisioningToggles(createUsers: true, updateUserAttributes: false, deactivateUsers: false))])
        XCTAssertEqual(model.send(.save), [], "one save at a time")
        _ = model.send(.saveFailed("database is locked"))
        XCTAssertEqual(model.phase, .editing)
        XCTAssertEqual(model.notice, "Not saved: database is locked")
        XCTAssertTrue(model.toggles.createUsers)
    }
}
