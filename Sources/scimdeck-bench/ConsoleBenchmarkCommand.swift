import ArgumentParser
import Console
import Foundation
import Store
import ViewModels

/// `scimdeck-bench console --store S`: the console's time to first frame, time from `d` to the
/// Directory's People table, and one frame of the filtered People table, on a store (100,000 people for issue 5).
struct ConsoleBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Time the console's first frame and the filtered directory frame.")

    @Option(help: "The store to open (see scripts/bench-console.sh, which fills one).") var store: String
    @Option(help: "The `/` filter typed on the People table.") var query = "li"
    @Option(help: "Screen size, COLUMNSxROWS.") var size = "200x50"

    func run() throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2 else { throw ValidationError("--size is COLUMNSxROWS, e.g. 200x50") }
        let clock = ContinuousClock()
        let opened = clock.now
        let workspace = Workspace(store: try ScimdeckStore(path: store), location: store)
        let openTime = clock.now - opened
        let people = try workspace.store.directory.peopleCount()
        let first = try ConsoleBenchmark.firstFrame(workspace: workspace, columns: parts[0], rows: parts[1])
        print("store: \(people) people; open \(ms(openTime)) ms")
        print("time to first frame (open store + Applications list drawn): \(ms(openTime + first)) ms  [target < 300 ms]")
        let open = try ConsoleBenchmark.directoryOpen(workspace: workspace, columns: parts[0], rows: parts[1])
        print("d to the People table drawn (\(people) people, through the program's load task): \(ms(open)) ms  [target < 1000 ms]")
        let directory = try ConsoleBenchmark.directory(workspace: workspace, query: query, columns: parts[0], rows: parts[1])
        let sorted = directory.frames.sorted()
        print("Directory read (\(directory.people) people and the groups, as the load task reads them): \(ms(directory.load)) ms")
        print("/\(query) over all \(directory.people) people at once: \(ms(directory.filter)) ms")
        print("one frame of the People table filtered by /\(query) (\(directory.matches) of \(directory.people) rows), \(size): median \(ms(sorted[sorted.count / 2])) ms, max \(ms(sorted.last ?? .zero)) ms  [target < 5 ms]")
    }

    private func ms(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
