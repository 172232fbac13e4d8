import Dispatch

/// Drives a `Program` as `ProgramRunner` does, but on the caller's thread with no terminal and no
/// clock, so a screen test is the same every run. Each `send` is one read of input: its events
/// become messages (`message(for:model:)`) that `update` applies; then the work their commands
/// started (`.task`, `.stream`) runs to its end, one piece at a time in the order it was started,
/// and what each piece sends is delivered in the order it was sent. Timers are held, not waited
/// for: they fire only when the test calls `fireTimers()` or `advance(by:)` on the stepper's
/// virtual clock, so a toast or a spinner frame is there until the test says otherwise.
///
/// Work runs on the cooperative pool while the caller waits for it: call the stepper from a
/// synchronous test, not from async code. Work that never ends (a sync that waits to be stopped)
/// needs the UI to go on meanwhile: test that on `ProgramRunner` with a `MemoryTerminal`.
public final class ProgramStepper<P: Program>: ScreenCapture {
    public let program: P
    public let theme: Theme
    public private(set) var size: TerminalSize
    public private(set) var model: P.Model
    /// The last frame drawn (after the last read, message or timer).
    public private(set) var frame: Frame
    /// The screen text after each draw.
    public private(set) var snapshots: [String] = []
    /// Set once the program quits (`.quit`, `.fail`, Ctrl-C); later reads are ignored.
    public private(set) var exitReason: ExitReason?
    /// The message of a `.fail` command.
    public private(set) var failure: String?
    /// The virtual clock: how far `advance(by:)` and `fireTimers()` have moved it since `start`.
    public private(set) var now: Duration = .zero
    /// Work cancelled before it ran (by `.cancel` or by newer work with its id), by id, in order.
    /// It still runs, seeing `Task.isCancelled`, as a cancelled task would on the runner.
    public private(set) var cancelledWork: [String] = []
    /// Work that did not end within `workLimit`: cancelled and left behind, its messages dropped.
    public private(set) var stalledWork: [String] = []
    /// How long one piece of work may run before it counts as stalled.
    public var workLimit: Duration

    /// A timer the program set that has not fired.
    public struct HeldTimer: Sendable, Equatable {
        public let id: String
        /// When it fires on the virtual clock.
        public let due: Duration
    }

    private struct Timer {
        var id: String
        var due: Duration
        var serial: Int
        var make: @Sendable () -> P.Message

        /// Earlier first; of two due at once, the one set first.
        func firesBefore(_ other: Timer) -> Bool { (due, serial) < (other.due, other.serial) }
    }

    private struct Work {
        var label: String
        var id: String?
        var isCancelled = false
        var operation: @Sendable (MessageSender<P.Message>) async -> Void
    }

    private var timers: [Timer] = []
    private var queue: [Work] = []
    private var serials = 0

    /// Starts the program (`start(size:)`), runs the work it asks for, and draws the first frame.
    public init(program: P, size: TerminalSize = .minimum, theme: Theme = .default, workLimit: Duration = .seconds(30)) {
        self.program = program
        self.size = size
        self.theme = theme
        self.workLimit = workLimit
        let (initial, command) = program.start(size: size)
        model = initial
        frame = program.frame(showing: initial, size: size, theme: theme)
        snapshots.append(frame.buffer.text)
        perform(command)
        runWork()
    }

    public var screen: CellBuffer { frame.buffer }
    public var cursor: Point? { frame.cursor }
    public var heldTimers: [HeldTimer] { timers.sorted { $0.firesBefore($1) }.map { HeldTimer(id: $0.id, due: $0.due) } }
    public var isFinished: Bool { exitReason != nil }

    /// One read of input, as the runner handles it; then the work it started runs to its end.
    public func send(_ events: [InputEvent]) {
        guard exitReason == nil else { return }
        for event in events where exitReason == nil {
            if case .resize(let newSize) = event { size = newSize }
            switch LoopInput(event, size: size) {
            case .interrupt: exitReason = .interrupted
            case .quit: exitReason = .quit
            case .suspend: break  // no terminal to give back; every frame here is drawn whole anyway
            case .program:
                if let message = program.message(for: event, model: model) { deliver(message) }
            }
        }
        guard exitReason == nil else { return finish() }
        draw()
        runWork()
    }

    public func send(_ event: InputEvent) { send([event]) }

    /// Fires every timer held now, earliest first, moving the clock to each one's time. Timers set
    /// meanwhile are held for the next call; one cancelled or replaced meanwhile does not fire.
    public func fireTimers() {
        let held = Set(timers.map(\.serial))
        while exitReason == nil, let next = timers.filter({ held.contains($0.serial) }).min { $0.firesBefore($1) } {
            fire(next)
        }
    }

    /// Moves the clock on by `duration`, firing each timer that comes due on the way, in order
    /// (a spinner set to tick every 120 ms ticks eight times in a second).
    public func advance(by duration: Duration) {
        let target = now + duration
        while exitReason == nil, let next = timers.filter({ $0.due <= target }).min { $0.firesBefore($1) } {
            fire(next)
        }
        now = max(now, target)
    }

    // MARK: Steps

    private func fire(_ timer: Timer) {
        timers.removeAll { $0.serial == timer.serial }
        now = max(now, timer.due)
        deliver(timer.make())
        guard exitReason == nil else { return finish() }
        draw()
        runWork()
    }

    private func deliver(_ message: P.Message) {
        let command = program.update(&model, message)
        perform(command)
    }

    private func draw() {
        frame = program.frame(showing: model, size: size, theme: theme)
        snapshots.append(frame.buffer.text)
    }

    /// Runs queued work one piece at a time; what a piece sends is delivered, in order, once it ends
    /// (and may queue more work, which runs after the pieces already queued).
    private func runWork() {
        while exitReason == nil, !queue.isEmpty {
            let work = queue.removeFirst()
            for message in run(work) where exitReason == nil {
                deliver(message)
                if exitReason == nil { draw() }
            }
        }
        if exitReason != nil { finish() }
    }

    private func run(_ work: Work) -> [P.Message] {
        let inbox = MessageInbox<P.Message>()
        let sender = MessageSender(inbox: inbox)
        let ended = DispatchSemaphore(value: 0)
        let operation = work.operation
        let startsCancelled = work.isCancelled
        let task = Task.detached {
            if startsCancelled { withUnsafeCurrentTask { $0?.cancel() } }
            await operation(sender)
            ended.signal()
        }
        guard ended.wait(timeout: .now() + workLimit.dispatchInterval) == .success else {
            task.cancel()
            stalledWork.append(work.label)
            return []
        }
        return inbox.takeAll()
    }

    private func perform(_ command: Command<P.Message>) {
        for action in command.actions {
            switch action {
            case .run(let id, let operation):
                if let id { cancelWork(id) }
                serials += 1
                queue.append(Work(label: id ?? "#\(serials)", id: id, operation: operation))
            case .after(let delay, let id, let make):
                serials += 1
                let timerID = id ?? "#\(serials)"
                timers.removeAll { $0.id == timerID }
                timers.append(Timer(id: timerID, due: now + delay, serial: serials, make: make))
            case .cancel(let id):
                cancelWork(id)
                timers.removeAll { $0.id == id }
            case .quit:
                exitReason = .quit
            case .fail(let message):
                failure = message
                exitReason = .quit
            }
        }
    }

    private func cancelWork(_ id: String) {
        for index in queue.indices where queue[index].id == id && !queue[index].isCancelled {
            queue[index].isCancelled = true
            cancelledWork.append(id)
        }
    }

    /// The program has quit: as on the runner, work not yet done is dropped, and so are the timers.
    private func finish() {
        queue.removeAll()
        timers.removeAll()
    }
}

private extension Duration {
    var dispatchInterval: DispatchTimeInterval {
        let (seconds, attoseconds) = components
        return .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
    }
}
