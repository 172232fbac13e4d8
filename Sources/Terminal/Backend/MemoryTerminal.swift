/// A terminal in memory, for tests: it keeps the screen as cells (so `text` is what a
/// user would see), counts the cells each frame wrote, and plays scripted input.
/// An empty batch in the script means "wait for work to finish": it polls the wake pipe for
/// up to `idleWait`, and once work posts back, goes on until it has been quiet for
/// `quietPeriod`. Running out of script is an error, so a test that forgets to quit fails
/// instead of hanging.
public final class MemoryTerminal: TerminalDriver, ScreenCapture {
    public private(set) var size: TerminalSize
    public private(set) var screen: CellBuffer
    public private(set) var cursor: Point?
    public private(set) var isStarted = false
    public private(set) var wasStopped = false
    /// Cells written by the last draw, and by all draws.
    public private(set) var lastWriteCount = 0
    public private(set) var totalWriteCount = 0
    /// The screen text after each draw.
    public private(set) var snapshots: [String] = []
    public var script: [[InputEvent]]
    public var idleWait: Duration
    /// Text an empty batch waits to see, by the batch's position in the script: the test goes on once an
    /// answer is on the screen, not at the first message of any kind (a spinner tick, another answer).
    /// It waits at most `awaitLimit`, then goes on and lets the test's assertion say what was missing.
    public var awaitedText: [Int: String] = [:]
    public var awaitLimit: Duration = .seconds(20)
    /// Awaited texts that never showed within `awaitLimit`.
    public private(set) var missedAwaits: [String] = []
    private var batchesRead = 0
    /// An empty batch ends once no message has come for this long (or after `settleLimit`).
    public var quietPeriod: Duration = .milliseconds(40)
    public var settleLimit: Duration = .seconds(5)
    private var settlingSince: ContinuousClock.Instant?
    private var awaitDeadline: ContinuousClock.Instant?
    /// A termination signal to report on the next wait (simulates SIGTERM).
    public var pendingSignal: Int32?

    public init(size: TerminalSize, script: [[InputEvent]] = [], idleWait: Duration = .seconds(2)) {
        self.size = size
        self.screen = CellBuffer(width: size.columns, height: size.rows)
        self.script = script
        self.idleWait = idleWait
    }

    public func start(wakeDescriptor: Int32) throws(TerminalError) {
        isStarted = true
    }

    public func stop() {
        if isStarted { wasStopped = true }
        isStarted = false
    }

    public func draw(_ changes: [CellChange], cursor: Point?, clearFirst: Bool) {
        if clearFirst { screen = CellBuffer(width: size.columns, height: size.rows) }
        var written = 0
        for change in changes {
            var x = change.x
            for cell in change.cells {
                guard x < screen.width, change.y < screen.height else { break }
                screen.place(grapheme: cell.text, width: Int(cell.width), x: x, y: change.y, style: .plain)
                screen[x, change.y] = cell
                if cell.width == 2, x + 1 < screen.width { screen[x + 1, change.y] = .continuation(cell.style) }
                x += Int(cell.width)
                written += 1
            }
        }
        lastWriteCount = written
        totalWriteCount += written
        self.cursor = cursor
        snapshots.append(screen.text)
    }

    public func waitForInput(timeout: Duration?, wakeDescriptor: Int32) throws(TerminalError) -> [InputEvent] {
        if pendingSignal != nil { return [] }
        guard !script.isEmpty else { throw TerminalError.scriptEnded }
        if script[0].isEmpty, let awaited = awaitedText[batchesRead], !screen.text.contains(awaited) {
            let deadline = awaitDeadline ?? ContinuousClock.now + awaitLimit
            awaitDeadline = deadline
            let left = deadline - ContinuousClock.now
            if left > .zero {
                // The batch stays first: the runner handles what woke us, redraws, and asks again.
                _ = Poll.readable([wakeDescriptor], timeout: min(left, .milliseconds(50)))
                return []
            }
            missedAwaits.append(awaited)
        }
        if let since = settlingSince {
            // Work posted back during the last empty batch: keep waiting while it goes on (an answer
            // often starts more work), until `quietPeriod` passes with no message, so the next input
            // meets the screen the work leaves, not a half-way one.
            // A timer due sooner than that cuts the wait short: it proves nothing either way, so look again after it.
            let wait = timeout.map { min($0, quietPeriod) } ?? quietPeriod
            let stillBusy = !Poll.readable([wakeDescriptor], timeout: wait).isEmpty || wait < quietPeriod
            if stillBusy, ContinuousClock.now - since < settleLimit { return [] }
            settlingSince = nil
        }
        awaitDeadline = nil
        batchesRead += 1
        let batch = script.removeFirst()
        if batch.isEmpty, awaitedText[batchesRead - 1] != nil { return [] }
        if batch.isEmpty {
            let wait = timeout.map { min($0, idleWait) } ?? idleWait
            if !Poll.readable([wakeDescriptor], timeout: wait).isEmpty { settlingSince = ContinuousClock.now }
            return []
        }
        for event in batch {
            if case .resize(let newSize) = event { size = newSize }
        }
        return batch
    }

    /// How many times the runner suspended (Ctrl-Z).
    public private(set) var suspendCount = 0

    public func suspend() {
        suspendCount += 1
    }

    public func takeTerminationSignal() -> Int32? {
        defer { pendingSignal = nil }
        return pendingSignal
    }
}
