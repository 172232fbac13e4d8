import Provisioning
import Store

/// A plan as `scimdeck plan` and `sync --dry-run` print it: counted by kind, each operation named.
struct PlanReport: Encodable {
    struct Operation: Encodable {
        var kind: String
        var target: String
        var remoteId: String?
        var members: Int?
    }

    struct Conflict: Encodable {
        var people: [String]
        var reason: String
    }

    var counts: [String: Int]
    var operations: [Operation]
    var conflicts: [Conflict]

    init(plan: Plan, store: ScimdeckStore) throws {
        let people = Dictionary(try store.directory.people().compactMap { person in person.id.map { ($0, person.login) } }, uniquingKeysWith: { a, _ in a })
        let groups = Dictionary(try store.directory.groups().compactMap { summary in summary.group.id.map { ($0, summary.group.name) } }, uniquingKeysWith: { a, _ in a })
        counts = Dictionary(plan.counts.map { ($0.kind.rawValue, $0.count) }, uniquingKeysWith: +)
        operations = plan.operations.map { operation in
            switch operation {
            case .provisionUser(let id, let profile):
                return Operation(kind: operation.kind.rawValue, target: profile.userName ?? people[id] ?? "#\(id)")
            case .updateUser(let id, let remoteID, let profile), .reactivateUser(let id, let remoteID, let profile):
                return Operation(kind: operation.kind.rawValue, target: profile.userName ?? people[id] ?? "#\(id)", remoteId: remoteID)
            case .deactivateUser(let id, let remoteID):
                return Operation(kind: operation.kind.rawValue, target: people[id] ?? "#\(id)", remoteId: remoteID)
            case .createGroup(_, let name):
                return Operation(kind: operation.kind.rawValue, target: name)
            case .renameGroup(_, let remoteID, let name):
                return Operation(kind: operation.kind.rawValue, target: name, remoteId: remoteID)
            case .addMembers(let id, let members), .removeMembers(let id, let members):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", members: members.count)
            case .deleteGroup(let id, let remoteID):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", remoteId: remoteID)
            case .forgetGroup(let id):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)")
            case .removeRemoteMembers(let id, let remoteIDs):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", members: remoteIDs.count)
            case .deleteDuplicateGroup(let id, let remoteID):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", remoteId: remoteID)
            }
        }
        conflicts = plan.conflicts.map { Conflict(people: $0.personIDs.map { people[$0] ?? "#\($0)" }, reason: $0.reason) }
    }

    func printText(plan: Plan, limit: Int) {
        var lines: [String] = []
        if plan.operations.isEmpty { lines.append("nothing to send: the app matches the directory") }
        for (kind, count) in plan.counts {
            lines.append("\(kind.rawValue): \(count)")
            for operation in operations.filter({ $0.kind == kind.rawValue }).prefix(limit) {
                lines.append("  \(operation.target)\(operation.members.map { " (\($0) members)" } ?? "")")
            }
            if count > limit { lines.append("  … and \(count - limit) more") }
        }
        for conflict in conflicts {
            lines.append("conflict: \(conflict.people.joined(separator: ", ")): \(conflict.reason)")
        }
        StandardStreams.out(lines.joined(separator: "\n") + "\n")
    }
}
