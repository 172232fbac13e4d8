/// The outcome of an apply: what succeeded and what failed, with reasons.
public struct ApplyReport: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var operation: PlannedOperation
        public var reason: String
    }

    public var succeeded: [PlannedOperation.Kind: Int] = [:]
    public var failures: [Failure] = []
    /// True when the apply stopped early because its task was cancelled.
    public var wasCancelled = false

    public init() {}

    public var succeededCount: Int { succeeded.values.reduce(0, +) }
}
