@testable import Terminal

/// A small program for the runner tests: keys change a counter, start work, set a
/// timer or fail; the screen shows what happened.
struct CounterProgram: Program {
    struct Model {
        var count = 0
        var notes: [String] = []
        var size: TerminalSize
    }

    enum Message: Sendable {
        case key(Key)
        case resized(TerminalSize)
        case workDone(Int)
        case progress(Int)
        case tick
    }

    func start(size: TerminalSize) -> (Model, Command<Message>) {
        (Model(size: size), .none)
    }

    func message(for event: InputEvent, model: Model) -> Message? {
        switch event {
        case .key(let key): return .key(key)
        case .resize(let size): return .resized(size)
        default: return nil
        }
    }

    func update(_ model: inout Model, _ message: Message) -> Command<Message> {
        switch message {
        case .key(.character("+")): model.count += 1
        case .key(.character("q")): return .quit
        case .key(.character("w")): return .task { .workDone(42) }
        case .key(.character("s")):
            return .stream { sender in
                for step in 1...3 { sender.send(.progress(step)) }
            }
        case .key(.character("t")): return .after(.milliseconds(20)) { .tick }
        case .key(.character("f")): return .fail("the store could not be opened: disk full")
        case .key(let key): model.notes.append("key \(key.name)")
        case .resized(let size): model.size = size
        case .workDone(let value): model.notes.append("work \(value)")
        case .progress(let step): model.notes.append("step \(step)")
        case .tick: model.notes.append("tick")
        }
        return .none
    }

    func view(_ model: Model, frame: inout Frame, theme: Theme) {
        frame.buffer.write("count: \(model.count)", x: 0, y: 0, style: theme[.title])
        for (index, note) in model.notes.suffix(10).enumerated() {
            frame.buffer.write(note, x: 0, y: 1 + index)
        }
    }
}
