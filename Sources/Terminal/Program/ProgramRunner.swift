/// Runs a `Program` on the calling thread, which becomes the one thread that touches
/// the terminal: draw a frame (only changed cells), wait for input, work results or
/// the next timer, turn them into messages, update, repeat. The terminal is restored
/// on every way out of `run` — quit, Ctrl-C, SIGINT/SIGTERM/SIGHUP, or a thrown error.
public final class ProgramRunner<P: Program> {
    public let program: P
    public let driver: any TerminalDriver
    public var theme: Theme
    /// Frames drawn so far (tests and the benchmark read it).
    public private(set) var frameCount = 0

    private var model: P.Model?
    private var previous: CellBuffer?
    private var timers: [Timer] = []
    private var tasks: [String: Task<Void, Never>] = [:]
    private var quitting: ExitReason?
    private var failure: String?
    private var nextTimerNumber = 0
    private var deliveredCount = 0

    private struct Timer {
        var deadline: ContinuousClock.Instant
        var id: String
        var make: @Sendable () -> P.Message
    }

    public init(program: P, driver: any TerminalDriver, theme: Theme = .default) {
        self.program = program
        self.driver = driver
        self.theme = theme
    }

    public func run() throws(TerminalError) -> ExitReason {
        let wakePipe = try WakePipe()
        let inbox = MessageInbox<P.Message>(wakePipe: wakePipe)
        try driver.start(wakeDescriptor: wakePipe.writeDescriptor)
        defer {
            for task in tasks.values { task.cancel() }
            driver.stop()
        }
        var size = driver.size
        let (initial, command) = program.start(size: size)
        model = initial
        perform(command, inbox: inbox)
        var needsDraw = true
        while quitting == nil {
            // Redraw only when something happened: a wake-up with no input, message or
            // due timer (a stray signal, a drained pipe) leaves the screen alone.
            if needsDraw { draw(size: size) }
            let deliveredBefore = deliveredCount
            let clock = ContinuousClock()
            let timeout = timers.map(\.deadline).min().map { max(.zero, $0 - clock.now) }
            let events = try driver.waitForInput(timeout: timeout, wakeDescriptor: wakePipe.readDescriptor)
            wakePipe.drain()
            if let signal = driver.takeTerminationSignal() {
                quitting = signal == 2 ? .interrupted : .signal(signal)
                break
            }
            for event in events {
                if case .resize(let newSize) = event { size = newSize }
                switch LoopInput(event, size: size) {
                case .interrupt: quitting = .interrupted
                case .quit: quitting = .quit
                case .suspend: resume(after: &size, inbox: inbox)
                case .program:
                    if let current = model, let message = program.message(for: event, model: current) {
                        deliver(message, inbox: inbox)
                    }
                }
                if quitting != nil { break }
            }
            for message in inbox.takeAll() where quitting == nil { deliver(message, inbox: inbox) }
            fireDueTimers(inbox: inbox)
            needsDraw = !events.isEmpty || deliveredCount != deliveredBefore
        }
        if let failure { throw TerminalError.programFailed(failure) }
        return quitting ?? .quit
    }

    /// Suspends for Ctrl-Z; once continued, the whole screen is drawn again (the shell
    /// wrote over it), and a window resized meanwhile reaches the program as a resize.
    private func resume(after size: inout TerminalSize, inbox: MessageInbox<P.Message>) {
        driver.suspend()
        previous = nil
        let newSize = driver.size
        guard newSize != size else { return }
        size = newSize
        if let current = model, let message = program.message(for: .resize(newSize), model: current) {
            deliver(message, inbox: inbox)
        }
    }

    private func deliver(_ message: P.Message, inbox: MessageInbox<P.Message>) {
        guard var current = model else { return }
        model = nil  // keep the model uniquely referenced while it is updated
        deliveredCount += 1
        let command = program.update(&current, message)
        model = current
        perform(command, inbox: inbox)
    }

    private func fireDueTimers(inbox: MessageInbox<P.Message>) {
        let now = ContinuousClock().now
        let due = timers.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
        guard !due.isEmpty else { return }
        timers.removeAll { $0.deadline <= now }
        for timer in due where quitting == nil { deliver(timer.make(), inbox: inbox) }
    }

    private func perform(_ command: Command<P.Message>, inbox: MessageInbox<P.Message>) {
        for action in command.actions {
            switch action {
            case .run(let id, let operation):
                let sender = MessageSender(inbox: inbox)
                let task = Task.detached { await operation(sender) }
                if let id {
                    tasks[id]?.cancel()
                    tasks[id] = task
                }
            case .after(let delay, let id, let make):
                let timerID: String
                if let id {
                    timers.removeAll { $0.id == id }
                    timerID = id
                } else {
                    nextTimerNumber += 1
                    timerID = "#\(nextTimerNumber)"
                }
                timers.append(Timer(deadline: ContinuousClock().now + delay, id: timerID, make: make))
            case .cancel(let id):
                tasks.removeValue(forKey: id)?.cancel()
                timers.removeAll { $0.id == id }
            case .quit:
                quitting = .quit
            case .fail(let message):
                failure = message
                quitting = .quit
            }
        }
    }

    /// Draws the model (or the "make the window larger" notice) and writes the changes.
    func draw(size: TerminalSize) {
        guard let current = model else { return }
        let frame = program.frame(showing: current, size: size, theme: theme)
        let resized = previous.map { $0.width != size.columns || $0.height != size.rows } ?? true
        let changes = FrameDiff.changes(from: resized ? nil : previous, to: frame.buffer)
        driver.draw(changes, cursor: frame.cursor, clearFirst: resized)
        previous = frame.buffer
        frameCount += 1
    }
}
