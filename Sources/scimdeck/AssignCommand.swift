import ArgumentParser
import Provisioning
import Store

/// `scimdeck assign|unassign --app A --person LOGIN | --group NAME`: the Assignments tab.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Assign people or groups to an app (assigning a group assigns its members; it does not push the group)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @OptionGroup var targets: AssignmentTargets

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let appID = try app.resolve(in: store).id ?? 0
        let table = store.records(Assignment.self)
        let existing = try table.all(appId: appID)
        for assignment in try targets.assignments(appID: appID, store: store) {
            if existing.contains(where: { $0.personId == assignment.personId && $0.groupId == assignment.groupId }) { continue }
            try table.insert(assignment)
        }
        print("assigned \(targets.people.count) people and \(targets.groups.count) groups")
    }
}

struct UnassignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign",
        abstract: "Remove people or groups from an app (people who leave its scope are deactivated on the next sync)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @OptionGroup var targets: AssignmentTargets

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let appID = try app.resolve(in: store).id ?? 0
        let table = store.records(Assignment.self)
        let existing = try table.all(appId: appID)
        var removed = 0
        for target in try targets.assignments(appID: appID, store: store) {
            for assignment in existing where assignment.personId == target.personId && assignment.groupId == target.groupId {
                if try table.delete(key: assignment.id ?? 0) { removed += 1 }
            }
        }
        print("removed \(removed) assignments")
    }
}

/// `--person` and `--group`, turned into assignments or a clear error for the first unknown one.
struct AssignmentTargets: ParsableArguments {
    @Option(name: .customLong("person"), help: "A person's login (repeatable).") var people: [String] = []
    @Option(name: .customLong("group"), help: "A group's name (repeatable).") var groups: [String] = []

    func validate() throws {
        if people.isEmpty && groups.isEmpty { throw ValidationError("give at least one --person or --group") }
    }

    func assignments(appID: Int64, store: ScimdeckStore) throws -> [Assignment] {
        var assignments: [Assignment] = []
        for login in people {
            guard let id = try store.directory.person(login: login)?.id else { throw StoreError.personNotFound(login) }
            assignments.append(.person(id, app: appID))
        }
        for name in groups {
            guard let id = try store.directory.group(name: name)?.id else { throw StoreError.groupNotFound(name) }
            assignments.append(.group(id, app: appID))
        }
        return assignments
    }
}
