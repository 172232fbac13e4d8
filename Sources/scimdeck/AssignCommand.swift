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
        let assignments = AppAssignments(store: store, appID: try app.resolve(in: store).id)
        try targets.checkExist(in: store)
        for login in targets.people { try assignments.assign(personLogin: login) }
        for name in targets.groups { try assignments.assign(groupName: name) }
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
        let assignments = AppAssignments(store: store, appID: try app.resolve(in: store).id)
        try targets.checkExist(in: store)
        var removed = 0
        for login in targets.people where try assignments.unassign(personLogin: login) { removed += 1 }
        for name in targets.groups where try assignments.unassign(groupName: name) { removed += 1 }
        print("removed \(removed) assignments")
    }
}

/// `--person` and `--group`, checked to exist before anything is assigned.
struct AssignmentTargets: ParsableArguments {
    @Option(name: .customLong("person"), help: "A person's login (repeatable).") var people: [String] = []
    @Option(name: .customLong("group"), help: "A group's name (repeatable).") var groups: [String] = []

    func validate() throws {
        if people.isEmpty && groups.isEmpty { throw ValidationError("give at least one --person or --group") }
    }

    /// Fails on the first unknown login or name before anything changes.
    func checkExist(in store: ScimdeckStore) throws {
        for login in people where try store.directory.person(login: login) == nil { throw StoreError.personNotFound(login) }
        for name in groups where try store.directory.group(name: name) == nil { throw StoreError.groupNotFound(name) }
    }
}
