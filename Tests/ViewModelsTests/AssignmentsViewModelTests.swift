import Provisioning
import Store
import ViewModels
import XCTest

/// The Assignments tab against a real store with the sample directory: the picker, Assign, Done,
/// and removing a person or a group, with the greyed ✕ for people who came in through a group.
final class AssignmentsViewModelTests: XCTestCase {
    private var store: ScimdeckStore!
    private var runner: AssignmentsEffectRunner!
    private var appID: Int64 = 0

    override func setUpWithError() throws {
        store = try ScimdeckStore()
        let workspace = Workspace(store: store, location: ":memory:")
        XCTAssertTrue(DirectoryListing.importFile(at: SampleDirectory.path, in: workspace).ok)
        appID = try XCTUnwrap(try AppCreation.add(entry: Catalog.axiadCloud, label: "Axiad Cloud", provisioning: ProvisioningSettings(appId: 0), in: store).id)
        runner = AssignmentsEffectRunner(store: store, appID: appID)
    }

    private func openTab() -> AssignmentsViewModel {
        var model = AssignmentsViewModel()
        runner.send(.appear, to: &model)
        return model
    }

    func test_assignToPeopleSearchesAssignsAndDoneAsksForASync() {
        var model = openTab()
        XCTAssertEqual(model.people, [])
        runner.send(.openPicker(.people), to: &model)
        runner.send(.search("núñez"), to: &model)
        XCTAssertEqual(model.picker?.results.map(\.key), ["jose.nunez@example.com"])
        XCTAssertEqual(model.picker?.results.first?.isAssigned, false)
        runner.send(.assignHighlighted, to: &model)
        XCTAssertEqual(model.picker?.results.first?.isAssigned, true, "the row now says Assigned")
        XCTAssertEqual(model.people.map(\.login), ["jose.nunez@example.com"], "the list behind the picker is up to date")
        XCTAssertEqual(model.people.first?.status, .pending)
        XCTAssertEqual(runner.send(.assignHighlighted, to: &model), [])
        XCTAssertEqual(model.notice, .info("José Núñez is assigned already."))
        XCTAssertEqual(runner.send(.closePicker, to: &model), [.sync], "Done provisions what was assigned")
        XCTAssertNil(model.picker)
    }

    func test_doneWithoutAssigningAnythingSyncsNothing() {
        var model = openTab()
        runner.send(.openPicker(.groups), to: &model)
        XCTAssertEqual(runner.send(.closePicker, to: &model), [])
    }

    func test_aLateSearchAnswerIsIgnoredAndAssignWaitsForTheCurrentOne() {
        var model = openTab()
        _ = model.send(.openPicker(.people))
        _ = model.send(.search("li"))
        _ = model.send(.found(query: "", [AssignmentCandidate(key: "x", title: "x", detail: "", isAssigned: false)]))
        XCTAssertEqual(model.picker?.results, [])
        XCTAssertEqual(model.picker?.resultsAreCurrent, false)
        XCTAssertEqual(model.send(.assignHighlighted), [], "Enter on a stale list assigns nothing yet")
        let li = AssignmentCandidate(key: "xiaolong.li@example.com", title: "小龙 李", detail: "xiaolong.li@example.com", isAssigned: false)
        XCTAssertEqual(model.send(.found(query: "li", [li])), [.assignPerson(login: "xiaolong.li@example.com")],
                       "the answer to what was typed comes, and the Enter given before it assigns its first row")
        XCTAssertEqual(model.send(.found(query: "li", [li])), [], "only once")
    }

    func test_assigningAGroupBringsItsMembersInWithAGreyedRemove() throws {
        var model = openTab()
        runner.send(.openPicker(.groups), to: &model)
        runner.send(.search("Sales"), to: &model)
        XCTAssertEqual(model.picker?.results.first?.detail, "7 members")
        runner.send(.assignHighlighted, to: &model)
        runner.send(.closePicker, to: &model)
        XCTAssertEqual(model.section, .groups)
        XCTAssertEqual(model.groups.map(\.name), ["Sales"])
        XCTAssertEqual(model.people.count, 7)
        let jose = try XCTUnwrap(model.people.first { $0.login == "jose.nunez@example.com" })
        XCTAssertEqual(jose.assignedText, "Group: Sales")
        XCTAssertFalse(jose.isRemovable)

        runner.send(.selectSection(.people), to: &model)
        runner.send(.remove(key: jose.login), to: &model)
        XCTAssertNil(model.pendingRemoval)
        XCTAssertEqual(model.notice, .info("José Núñez is assigned through Group: Sales: remove the group under Groups."))
        XCTAssertEqual(model.people.count, 7)
    }

    func test_removingAGroupAsksThenTakesItsMembersOutAndSyncs() {
        var model = openTab()
        try? AppAssignments(store: store, appID: appID).assign(groupName: "Security")
        try? AppAssignments(store: store, appID: appID).assign(personLogin: "xiaolong.li@example.com")
        runner.send(.appear, to: &model)
        XCTAssertEqual(model.people.count, 4)
        runner.send(.selectSection(.groups), to: &model)
        runner.send(.remove(key: "Security"), to: &model)
        XCTAssertEqual(model.pendingRemoval, .group(name: "Security", memberCount: 4))
        XCTAssertEqual(runner.send(.cancelRemoval, to: &model), [])
        XCTAssertEqual(model.groups.count, 1, "Cancel keeps the group")

        runner.send(.remove(key: "Security"), to: &model)
        XCTAssertEqual(runner.send(.confirmRemoval, to: &model), [.sync])
        XCTAssertEqual(model.groups, [])
        XCTAssertEqual(model.people.map(\.login), ["xiaolong.li@example.com"], "the directly assigned member stays")
        XCTAssertEqual(model.people.first?.assignedText, "direct")
    }

    func test_aPersonNotActiveInTheDirectoryIsNotShownAsPending() throws {
        var model = openTab()
        try AppAssignments(store: store, appID: appID).assign(personLogin: "kwame.mensah@example.com")
        runner.send(.appear, to: &model)
        XCTAssertEqual(model.people.first?.status, .notActiveInDirectory, "deactivated in the sample directory: no sync will create them")
    }

    func test_removingADirectAssignmentAsksFirst() {
        var model = openTab()
        try? AppAssignments(store: store, appID: appID).assign(personLogin: "zoe.martin@example.com")
        runner.send(.appear, to: &model)
        runner.send(.remove(key: "zoe.martin@example.com"), to: &model)
        XCTAssertEqual(model.pendingRemoval, .person(login: "zoe.martin@example.com", name: "Zoë Martin"))
        XCTAssertEqual(runner.send(.confirmRemoval, to: &model), [.sync])
        XCTAssertEqual(model.people, [])
    }
}
