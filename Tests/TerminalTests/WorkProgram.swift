@testable import Terminal

/// A small program for the stepper tests: work with and without ids (some of it starting more
/// work), a stream, timers that replace each other, a spinner that ticks until stopped; the
/// screen lists what happened, one line each, under a title.
struct WorkProgram: Program {
    struct Model {
        var notes: [String] = []
        var spinning = false
    }

    enum Message: Sendable {
        case key(Key)
        case note(String)
        case chained(Int)
        case spin
    }

    /// Work at start, as a screen that reads its rows when it opens.
    var startsWithWork = false

    func start(size: TerminalSize) -> (Model, Command<Message>) {
        (Model(), startsWithWork ? .task { .note("loaded") } : .none)
    }

    func message(for event: InputEvent, model: Model) -> Message? {
        if case .key(let key) = event { return .key(key) }
        return nil
    }

    func update(_ model: inout Model, _ message: Message) -> Command<Message> {
        switch message {
        case .key(.character("j")):
            return .task(id: "job") { .note(Task.isCancelled ? "job cancelled" : "job done") }
        case .key(.character("x")):
            return .cancel("job")
        case .key(.character("a")):
            // Real background work: it waits on a task of its own before it answers.
            return .task { .note("answer \(await Task.detached { (1...100).reduce(0, +) }.value)") }
        case .key(.character("s")):
            return .stream { sender in
                for step in 1...3 { sender.send(.note("step \(step)")) }
            }
        case .key(.character("c")):
            return .batch([.task { .chained(1) }, .task { .note("second") }])
        case .key(.character("t")):
            return .after(.seconds(5), id: "toast") { .note("toast gone") }
        case .key(.character("u")):
            return .after(.seconds(8), id: "toast") { .note("error toast gone") }
        case .key(.character("k")):
            return .cancel("toast")
        case .key(.character("p")):
            model.spinning = true
            return .after(.milliseconds(120), id: "spinner") { .spin }
        case .key(.character("o")):
            model.spinning = false
        case .key(.character("q")):
            return .quit
        case .key(.character("f")):
            return .fail("the store could not be opened: disk full")
        case .key(.character("w")):
            // Work that ends only when it is cancelled, as a sync waiting to be stopped.
            return .task { try? await Task.sleep(for: .seconds(60)); return .note("woke") }
        case .key(let key):
            model.notes.append("key \(key.name)")
        case .note(let note):
            model.notes.append(note)
        case .chained(let depth):
            model.notes.append("chained \(depth)")
            if depth < 2 { return .task { .chained(depth + 1) } }
        case .spin:
            guard model.spinning else { return .none }
            model.notes.append("spin")
            return .after(.milliseconds(120), id: "spinner") { .spin }
        }
        return .none
    }

    func view(_ model: Model, frame: inout Frame, theme: Theme) {
        frame.buffer.write("notes: \(model.notes.count)", x: 0, y: 0, style: theme[.title])
        for (index, note) in model.notes.suffix(frame.size.rows - 1).enumerated() {
            frame.buffer.write(note, x: 0, y: 1 + index)
        }
        frame.cursor = model.spinning ? Point(x: 0, y: 0) : nil
    }
}
