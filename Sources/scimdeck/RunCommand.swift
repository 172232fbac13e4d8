import ArgumentParser
import Foundation
import Store

/// `scimdeck run [--every 15m] [--full-every 24h] [--once] [--full]`: the agent.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The agent: on a schedule, import every directory source, then sync every app that is ready.",
        discussion: """
            Each cycle imports every source incrementally (fully when its last full import is older than \
            --full-every, so that people gone from the source leave the directory and are deactivated in the apps), \
            then syncs every app whose API integration is on, taking the app's run lock like any sync: an app \
            another run holds is left for the next cycle. One line per source and per app each cycle. A source or an \
            app that fails is reported and the others go on. SIGTERM or SIGINT stops between operations: the \
            requests in flight finish and are journaled, and the next run goes on from there. \
            Exit status: 0 when the last cycle went well (or the agent was stopped), 1 when a source or an app failed in it.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Time from the start of one cycle to the next (90s, 5m, 1h).") var every = WaitDuration(seconds: 15 * 60)
    @Option(name: .customLong("full-every"), help: "How old a source's last full import may be before the next is full (24h).")
    var fullEvery = WaitDuration(seconds: 24 * 3600)
    @Flag(help: "Run one cycle and exit.") var once = false
    @Flag(help: "Make this cycle's imports full, whatever --full-every says.") var full = false
    @Option(help: "Requests in flight at once, per app (default: each app's own setting, `app set --concurrency`).") var concurrency: Int?

    func validate() throws {
        guard every.seconds >= 1 else { throw ValidationError("--every must be at least 1s") }
        guard (concurrency ?? 1) >= 1 else { throw ValidationError("--concurrency must be at least 1") }
    }

    func run() async throws {
        StopSignal.install()
        let store = try ScimdeckStore(path: global.storePath)
        let connection = connection
        var cycle = 0
        var forceFull = full
        var outcome = AgentCycle.Outcome()
        while true {
            cycle += 1
            let started = Date()
            outcome = await AgentCycle(
                store: store, fullEvery: fullEvery.seconds, forceFull: forceFull, concurrency: concurrency,
                transport: { try connection.transport(maxInFlight: $0) }, say: Self.say
            ).run()
            forceFull = false
            let next = started.addingTimeInterval(every.seconds)
            Self.say(Self.summary(cycle: cycle, outcome, seconds: Date().timeIntervalSince(started), next: once ? nil : next))
            if once || StopSignal.pending != nil { break }
            await StopSignal.wait(until: next)
            if StopSignal.pending != nil { break }
        }
        if let signal = StopSignal.pending {
            Self.say("stopped by \(StopSignal.name(signal))" + (outcome.stopped ? " between operations: the next run goes on from there" : ""))
        }
        if outcome.failed { throw ExitCode(1) }
    }

    /// One line: how the cycle went, and when the next one starts.
    static func summary(cycle: Int, _ outcome: AgentCycle.Outcome, seconds: Double, next: Date?) -> String {
        var text = "cycle \(cycle) done in \(String(format: "%.1f", seconds)) s"
        if outcome.stopped { text = "cycle \(cycle) stopped after \(String(format: "%.1f", seconds)) s" }
        let failed = outcome.failedSources.map { "source \($0)" } + outcome.failedApps.map { "app \($0)" }
        text += failed.isEmpty ? ": all well" : ": failed: " + failed.joined(separator: ", ")
        if let next, !outcome.stopped { text += "; next at \(timestamp(next))" }
        return text
    }

    /// A line with the time in front, through the output that strips terminal control.
    @Sendable static func say(_ line: String) {
        StandardStreams.out("\(timestamp(Date())) \(line)\n")
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }
}
