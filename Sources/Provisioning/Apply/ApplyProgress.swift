/// How far an apply has got, posted after every operation.
public struct ApplyProgress: Sendable, Equatable {
    public var total: Int
    public var done: Int
    public var failed: Int
    /// Seconds since the apply started.
    public var elapsed: Double

    public init(total: Int, done: Int = 0, failed: Int = 0, elapsed: Double = 0) {
        self.total = total
        self.done = done
        self.failed = failed
        self.elapsed = elapsed
    }

    /// Operations per second so far.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }
}
