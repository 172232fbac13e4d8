import Terminal

/// A memory terminal that notes when a key was read and when a text first reached the screen,
/// so the benchmark times what the admin waits for (key to table drawn) through the real runner.
final class TimedTerminal: TerminalDriver {
    let inner: MemoryTerminal
    let trigger: Key
    let awaited: String
    private(set) var keyRead: ContinuousClock.Instant?
    private(set) var shown: ContinuousClock.Instant?

    init(_ inner: MemoryTerminal, from trigger: Key, until awaited: String) {
        self.inner = inner
        self.trigger = trigger
        self.awaited = awaited
    }

    /// From the key being read to the frame that showed the text, once both happened.
    var elapsed: Duration? {
        guard let keyRead, let shown else { return nil }
        return shown - keyRead
    }

    var size: TerminalSize { inner.size }

    func start(wakeDescriptor: Int32) throws(TerminalError) { try inner.start(wakeDescriptor: wakeDescriptor) }

    func stop() { inner.stop() }

    func draw(_ changes: [CellChange], cursor: Point?, clearFirst: Bool) {
        inner.draw(changes, cursor: cursor, clearFirst: clearFirst)
        if keyRead != nil, shown == nil, inner.text.contains(awaited) { shown = ContinuousClock.now }
    }

    func waitForInput(timeout: Duration?, wakeDescriptor: Int32) throws(TerminalError) -> [InputEvent] {
        let events = try inner.waitForInput(timeout: timeout, wakeDescriptor: wakeDescriptor)
        if keyRead == nil, events.contains(.key(trigger)) { keyRead = ContinuousClock.now }
        return events
    }

    func takeTerminationSignal() -> Int32? { inner.takeTerminationSignal() }

    func suspend() { inner.suspend() }
}
