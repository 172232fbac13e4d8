/// A screen program in the Elm shape (Bubble Tea's Model / Update / View): the runner
/// turns terminal input into messages with `message(for:model:)`, `update` changes
/// the model and returns commands, `view` draws the model into a frame.
/// All four run on the UI thread; only commands' work runs elsewhere.
///
/// A screen, in short:
/// ```swift
/// struct People: Program {
///     struct Model { var table = TableState(); var rows: StringTableRows; var status = "" }
///     enum Message: Sendable { case key(Key), loaded([[String]]) }
///
///     func start(size: TerminalSize) -> (Model, Command<Message>) {
///         (Model(rows: StringTableRows([])), .task { .loaded(await loadPeople()) })
///     }
///     func message(for event: InputEvent, model: Model) -> Message? {
///         if case .key(let key) = event { return .key(key) }
///         return nil  // resizes redraw on their own
///     }
///     func update(_ model: inout Model, _ message: Message) -> Command<Message> {
///         switch message {
///         case .key(.character("q")): return .quit
///         case .key(let key): _ = model.table.handle(key, rows: model.rows, visibleHeight: 20)
///         case .loaded(let rows): model.rows = StringTableRows(rows)
///         }
///         return .none
///     }
///     func view(_ model: Model, frame: inout Frame, theme: Theme) {
///         let (body, status) = frame.area.splitBottom(1)
///         TableView(columns: [TableColumn("PERSON", width: .flexible(min: 20, weight: 1))])
///             .render(rows: model.rows, state: model.table, in: body, frame: &frame, theme: theme)
///         StatusBar(message: model.status, hints: [.init("q", "quit")]).render(in: status, frame: &frame, theme: theme)
///     }
/// }
/// // In a synchronous `run()` on the main thread (the loop blocks it until quit):
/// let themes = ThemeLoader(directories: ThemeLoader.standardDirectories(environment: env, executablePath: argv0))
/// exit(TerminalApp.run(People(), selection: themes.load(named: themeOption, environment: env)))
/// ```
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
