/// What `update` asks the runner to do after a message: start work, set a timer,
/// cancel work, or quit. Work runs as a Swift task off the UI thread and its results
/// come back as messages; the screen never waits for it.
public struct Command<Message: Sendable>: Sendable {
    enum Action: Sendable {
        case run(id: String?, @Sendable (MessageSender<Message>) async -> Void)
        case after(Duration, id: String?, @Sendable () -> Message)
        case cancel(String)
        case quit
        case fail(String)
    }

    let actions: [Action]

    init(_ actions: [Action]) {
        self.actions = actions
    }

    public static var none: Command { Command([]) }
    public static var quit: Command { Command([.quit]) }

    /// Quits, restores the terminal, and has `run` throw with this message.
    public static func fail(_ message: String) -> Command { Command([.fail(message)]) }

    /// Runs `operation` as a task; the message it returns (if any) is delivered.
    /// A task with an `id` replaces (cancels) a running task with the same id.
    public static func task(id: String? = nil, _ operation: @escaping @Sendable () async -> Message?) -> Command {
        Command([.run(id: id) { sender in
            if let message = await operation() { sender.send(message) }
        }])
    }

    /// Runs long work that reports as it goes (a push of 10,000 people streams progress).
    public static func stream(id: String? = nil, _ operation: @escaping @Sendable (MessageSender<Message>) async -> Void) -> Command {
        Command([.run(id: id, operation)])
    }

    /// Delivers a message after a delay: ticks, toasts that go away. A timer with an `id`
    /// replaces one with the same id.
    public static func after(_ delay: Duration, id: String? = nil, _ message: @escaping @Sendable () -> Message) -> Command {
        Command([.after(delay, id: id, message)])
    }

    /// Cancels the task or timer with this id (the task sees `Task.isCancelled`).
    public static func cancel(_ id: String) -> Command { Command([.cancel(id)]) }

    public static func batch(_ commands: [Command]) -> Command {
        Command(commands.flatMap(\.actions))
    }

    public var isNone: Bool { actions.isEmpty }
}
