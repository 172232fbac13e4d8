/// The operations that bring an app to the directory's desired state, in the order they must run:
/// users first, then groups, then memberships (which need both), then group deletes; and what the
/// plan cannot send, with the reason (never silently skipped).
public struct Plan: Sendable, Equatable {
    /// Directory people that cannot be provisioned, with the reason.
    public struct Conflict: Sendable, Equatable {
        public var personIDs: [Int64]
        public var reason: String
    }

    public var operations: [PlannedOperation]
    public var conflicts: [Conflict]
    /// Work the app's own switches keep from being sent (Create Users off, …).
    public var heldBack: [HeldBack]

    public init(operations: [PlannedOperation] = [], conflicts: [Conflict] = [], heldBack: [HeldBack] = []) {
        self.operations = operations
        self.conflicts = conflicts
        self.heldBack = heldBack
    }

    public var isEmpty: Bool { operations.isEmpty }

    /// True when sending every operation still leaves the app short of the directory.
    public var holdsWorkBack: Bool { !conflicts.isEmpty || !heldBack.isEmpty }

    /// People the plan does not bring to their desired state, each with why (a person may be held
    /// back for one reason only: a conflict wins over a switch).
    public var heldBackPeople: [Int64: HeldBack.Reason] {
        var people: [Int64: HeldBack.Reason] = [:]
        for held in heldBack {
            for id in held.personIDs { people[id] = held.reason }
        }
        return people
    }

    /// How many operations of each kind, in the kinds' own order, zeros left out.
    public var counts: [(kind: PlannedOperation.Kind, count: Int)] {
        var tally: [PlannedOperation.Kind: Int] = [:]
        for operation in operations { tally[operation.kind, default: 0] += 1 }
        return PlannedOperation.Kind.allCases.compactMap { kind in tally[kind].map { (kind, $0) } }
    }
}
