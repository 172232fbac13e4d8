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

    struct HeldBack: Encodable {
        var reason: String
        var consequence: String
        var people: [String]
    }

    var counts: [String: Int]
    var operations: [Operation]
    var conflicts: [Conflict]
    var heldBack: [HeldBack]

    init(plan: Plan, store: ScimdeckStore, appID: Int64) throws {
        var people = Dictionary(try store.directory.people().compactMap { person in person.id.map { ($0, person.login) } }, uniquingKeysWith: { a, _ in a })
        // People removed from the directory (tombstones) are named by the userName last sent to the app.
        let directoryIDs = Set(people.keys)
        let missing = Set(plan.operations.compactMap { operation -> Int64? in
            if case .deactivateUser(let id, _) = operation, !directoryIDs.contains(id) { return id }
            return nil
        } + plan.heldBack.flatMap(\.personIDs).filter { !directoryIDs.contains($0) })
        let removed = try store.engine.lastSentUserNames(appId: appID, personIds: Array(missing))
        people.merge(removed.mapValues { "\($0) (removed from the directory)" }, uniquingKeysWith: { a, _ in a })
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
            case .createGroup(_, let name, _):
                return Operation(kind: operation.kind.rawValue, target: name)
            case .renameGroup(_, let remoteID, let name):
                return Operation(kind: operation.kind.rawValue, target: name, remoteId: remoteID)
            case .addMembers(let id, let members), .removeMembers(let id, let members):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", members: members.count)
            case .deleteGroup(let id, let remoteID):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", remoteId: remoteID)
            case .settleUncertainUser(_, let userName):
                return Operation(kind: operation.kind.rawValue, target: userName)
            case .forgetGroup(let id):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)")
            case .removeRemoteMembers(let id, let remoteIDs):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", members: remoteIDs.count)
            case .deleteDuplicateGroup(let id, let remoteID):
                return Operation(kind: operation.kind.rawValue, target: groups[id] ?? "#\(id)", remoteId: remoteID)
            }
        }
        conflicts = plan.conflicts.map { Conflict(people: $0.personIDs.map { people[$0] ?? "#\($0)" }, reason: $0.reason) }
        heldBack = plan.heldBack.map { held in
            HeldBack(reason: held.reason.rawValue, consequence: held.reason.consequence,
                     people: held.personIDs.map { people[$0] ?? "a person removed from the directory (#\($0))" })
        }
    }

    func printText(plan: Plan, limit: Int) {
        var lines: [String] = []
        if plan.operations.isEmpty && !plan.holdsWorkBack { lines.append("nothing to send: the app matches the directory") }
        if plan.operations.isEmpty && plan.holdsWorkBack { lines.append("nothing to send, but the app does not match the directory:") }
        for (kind, count) in plan.counts {
            lines.append("\(kind.rawValue): \(count)")
            for operation in operations.filter({ $0.kind == kind.rawValue }).prefix(limit) {
                lines.append("  \(operation.target)\(operation.members.map { " (\($0) members)" } ?? "")")
            }
            if count > limit { lines.append("  … and \(count - limit) more") }
        }
        lines += heldBackLines(limit: limit)
        StandardStreams.out(lines.joined(separator: "\n") + "\n")
    }

    /// What the plan cannot send, and why: conflicts, then each switch that holds people back.
    func heldBackLines(limit: Int) -> [String] {
        var lines: [String] = []
        for conflict in conflicts {
            lines.append("conflict: \(conflict.people.joined(separator: ", ")): \(conflict.reason)")
        }
        for held in heldBack {
            lines.append("held back: \(held.reason): \(held.people.count) \(held.people.count == 1 ? "person" : "people") \(held.consequence)")
            for person in held.people.prefix(limit) { lines.append("  \(person)") }
            if held.people.count > limit { lines.append("  … and \(held.people.count - limit) more") }
        }
        return lines
    }
}
