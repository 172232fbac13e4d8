import Terminal
import ViewModels

/// The console's figures for `scimdeck-bench console` (issue 5's targets): time to first frame,
/// time to show the Directory, and one frame of the filtered People table — measured on the
/// real program and view, drawn into the memory backend so the terminal's speed is left out.
public enum ConsoleBenchmark {
    public enum Failure: Error, CustomStringConvertible {
        case neverShown(String)

        public var description: String {
            switch self {
            case .neverShown(let text): return "“\(text)” never showed on the screen: the store could not be read, or it took over a minute."
            }
        }
    }

    public struct DirectoryFigures: Sendable {
        public var load: Duration
        public var people: Int
        public var matches: Int
        /// The `/` query applied to every person at once (what typing its first letter costs).
        public var filter: Duration
        /// Each frame: the whole screen drawn with the selection moved by one.
        public var frames: [Duration]
    }

    /// From `start` to the first frame drawn (the runner then quits on the scripted Ctrl-C).
    public static func firstFrame(workspace: Workspace, columns: Int = 200, rows: Int = 50) throws -> Duration {
        let terminal = MemoryTerminal(size: TerminalSize(columns: columns, rows: rows), script: [[.key(.control("c"))]])
        var program = ConsoleProgram(workspace: workspace)
        program.offersDemo = false
        let start = ContinuousClock.now
        _ = try ProgramRunner(program: program, driver: terminal, theme: .default).run()
        return ContinuousClock.now - start
    }

    /// From the `d` key on the Applications list to the first frame with the People table drawn,
    /// through the real program and runner: the load runs as the screen's task and posts back.
    public static func directoryOpen(workspace: Workspace, columns: Int = 200, rows: Int = 50) throws -> Duration {
        let memory = MemoryTerminal(size: TerminalSize(columns: columns, rows: rows),
                                    script: [[.key(.character("d"))], [], [.key(.control("c"))]])
        // The column header shows only once the load is in; before, the table says Loading.
        memory.awaitedText = [1: PeopleTableRows.columns[1].title]
        memory.awaitLimit = .seconds(60)
        let terminal = TimedTerminal(memory, from: .character("d"), until: PeopleTableRows.columns[1].title)
        var program = ConsoleProgram(workspace: workspace)
        program.offersDemo = false
        _ = try ProgramRunner(program: program, driver: terminal, theme: .default).run()
        guard let elapsed = terminal.elapsed else { throw Failure.neverShown(terminal.awaited) }
        return elapsed
    }

    /// Loads the Directory as the screen does, applies `/query`, then times `frameCount` frames.
    public static func directory(workspace: Workspace, query: String, columns: Int = 200, rows: Int = 50, frameCount: Int = 50) throws -> DirectoryFigures {
        let size = TerminalSize(columns: columns, rows: rows)
        let clock = ContinuousClock()
        let start = clock.now
        let listing = try DirectoryListing.load(workspace)
        let people = PeopleTableRows(listing.people)
        let load = clock.now - start
        var state = DirectoryScreenState()
        state.people = people
        state.groups = StringTableRows(listing.groups)
        state.isLoading = false
        let filterStart = clock.now
        state.peopleTable.setQuery(query, rows: people)
        let filter = clock.now - filterStart
        let height = TableView.bodyHeight(in: ConsoleGeometry.directoryTable(size), state: state.peopleTable)
        var model = ConsoleModel(size: size)
        var frames: [Duration] = []
        for step in 0..<frameCount {
            state.peopleTable.move(by: step % 2 == 0 ? 7 : -3, total: people.count, visibleHeight: height)
            model.stack = [.applications, .directory(state)]
            let frameStart = clock.now
            var frame = Frame(size: size, background: Theme.default[.normal])
            ConsoleView(model: model, location: workspace.location).render(frame: &frame, theme: .default)
            frames.append(clock.now - frameStart)
        }
        return DirectoryFigures(load: load, people: people.count, matches: state.peopleTable.visibleCount(total: people.count),
                                filter: filter, frames: frames)
    }
}
