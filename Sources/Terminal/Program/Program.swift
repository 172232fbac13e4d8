/// A screen program in the Elm shape (Bubble Tea's Model / Update / View): the runner
/// turns terminal input into messages with `message(for:model:)`, `update` changes
/// the model and returns commands, `view` draws the model into a frame.
/// All four run on the UI thread; only commands' work runs elsewhere.
public protocol Program {
    associatedtype Model
    associatedtype Message: Sendable

    /// The first model and the work to start with.
    func start(size: TerminalSize) -> (Model, Command<Message>)
    func update(_ model: inout Model, _ message: Message) -> Command<Message>
    /// Draws the model with the runner's theme (the one `--theme` and `NO_COLOR` chose).
    func view(_ model: Model, frame: inout Frame, theme: Theme)
    /// The message for a key, click, paste or resize; nil ignores it.
    func message(for event: InputEvent, model: Model) -> Message?
}
