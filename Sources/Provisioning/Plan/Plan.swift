/// The operations that bring an app to the directory's desired state, in the order they must run:
/// users first, then groups, then memberships (which need both), then group deletes.
public struct Plan: Sendable, Equatable {
    /// Directory people that cannot be provisioned, with the reason (never silently skipped).
    public struct Conflict: Sendable, Equatable {
        public var personIDs: [Int64]
        public var reason: String
    }

    public var operations: [PlannedOperation]
    public var conflicts: [Conflict]

    public init(operations: [PlannedOperation] = [], conflicts: [Conflict] = []) {
        self.operations = operations
        self.conflicts = conflicts
    }

    public var isEmpty: Bool { operations.isEmpty }

    /// How many operations of each kind, in the kinds' own order, zeros left out.
    public var counts: [(kind: PlannedOperation.Kind, count: Int)] {
        var tally: [PlannedOperation.Kind: Int] = [:]
        for operation in operations { tally[operation.kind, default: 0] += 1 }
        return PlannedOperation.Kind.allCases.compactMap { kind in tally[kind].map { (kind, $0) } }
    }
}
