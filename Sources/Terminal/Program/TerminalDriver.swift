/// A terminal the runner draws on and reads from: ncurses, or in memory for tests.
/// Every call comes from the runner's one thread.
public protocol TerminalDriver: AnyObject {
    var size: TerminalSize { get }
    /// Takes over the screen; termination signals and resizes write to `wakeDescriptor`.
    func start(wakeDescriptor: Int32) throws(TerminalError)
    /// Gives the screen back as it was; safe to call more than once.
    func stop()
    /// Writes changed cells; with `clearFirst` the screen is cleared before (new size).
    func draw(_ changes: [CellChange], cursor: Point?, clearFirst: Bool)
    /// Waits until input arrives, `wakeDescriptor` is readable, or `timeout` passes
    /// (nil: no limit), and returns the input that was waiting.
    func waitForInput(timeout: Duration?, wakeDescriptor: Int32) throws(TerminalError) -> [InputEvent]
    /// SIGINT / SIGTERM / SIGHUP received since the last call, if any.
    func takeTerminationSignal() -> Int32?
    /// Ctrl-Z: gives the terminal back and stops the process until it is continued
    /// (`fg`); returns once the screen is taken again. The runner then redraws it whole.
    func suspend()
}
