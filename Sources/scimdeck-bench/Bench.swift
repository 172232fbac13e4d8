import ArgumentParser

/// Benchmarks, kept out of the test suite: `make bench` runs them on a release build.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimdeck-bench",
        abstract: "scimdeck's benchmarks.",
        subcommands: [PlanBenchmark.self, SyncBenchmark.self, IncrementalSyncBenchmark.self, FullSyncBenchmark.self, ConsoleBenchmarkCommand.self]
    )
}
