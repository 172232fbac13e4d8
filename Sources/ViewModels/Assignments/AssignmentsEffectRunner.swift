import Provisioning
import Store

/// Runs the Assignments tab's effects against the store and answers each with an intent; `.sync` is the
/// console's to run (it has the sync runner and the progress bar), so it answers nil.
public struct AssignmentsEffectRunner: Sendable {
    public let assignments: AppAssignments

    public init(store: ScimdeckStore, appID: Int64) {
        assignments = AppAssignments(store: store, appID: appID)
    }

    public func perform(_ effect: AssignmentsViewModel.Effect) -> AssignmentsViewModel.Intent? {
        do {
            switch effect {
            case .load:
                return .loaded(people: try assignments.people(), groups: try assignments.groups())
            case .searchPeople(let query):
                return .found(query: query, try assignments.peopleToAssign(matching: query))
            case .searchGroups(let query):
                return .found(query: query, try assignments.groupsToAssign(matching: query))
            case .assignPerson(let login):
                try assignments.assign(personLogin: login)
                return .assigned(key: login)
            case .assignGroup(let name):
                try assignments.assign(groupName: name)
                return .assigned(key: name)
            case .unassignPerson(let login):
                try assignments.unassign(personLogin: login)
                return .removed
            case .unassignGroup(let name):
                try assignments.unassign(groupName: name)
                return .removed
            case .sync:
                return nil
            }
        } catch {
            if effect == .load { return .loadFailed("\(error)") }
            return .changeFailed("\(error)")
        }
    }

    /// Sends `intent`, then runs every effect and sends its answer until nothing is left; returns the
    /// effects left to the caller (`.sync`).
    @discardableResult
    public func send(_ intent: AssignmentsViewModel.Intent, to model: inout AssignmentsViewModel) -> [AssignmentsViewModel.Effect] {
        EffectLoop.run(intent, send: { model.send($0) }, perform: perform)
    }
}
