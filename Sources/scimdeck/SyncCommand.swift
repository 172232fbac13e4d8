import ArgumentParser
import Foundation
import Provisioning
import SCIM
import Store

/// `scimdeck sync --app A [--dry-run] [--concurrency N] [--json]`: plan and apply, resumably.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Provision the app: send what the plan says, journaled so a killed run resumes with no duplicate.",
        discussion: """
            One run per app at a time: a second sync (or the console's) waits, saying who holds the app; \
            with --no-wait it exits 75 instead. Exits 0 only when the app now holds what the directory says; \
            1 when operations failed (`scimdeck tasks list`, retried by the next sync) or work was held back \
            (userName conflicts, Create / Update / Deactivate Users off).
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @OptionGroup var token: TokenInput
    @OptionGroup var connection: ConnectionOptions
    @Flag(name: .customLong("dry-run"), help: "Print the plan; send nothing.") var dryRun = false
    @Option(help: "Requests in flight at once (default: the app's setting, `app set --concurrency`, else 4).") var concurrency: Int?
    @Option(name: .customLong("member-batch"), help: "Members added or removed per PATCH.") var memberBatch = 100
    @Flag(help: "Progress and the result as JSON lines on stdout.") var json = false
    @Flag(name: .customLong("no-wait"), help: "Exit 75 at once when another run is syncing the app, instead of waiting for it.") var noWait = false
    @Flag(help: "Read every user and group the app holds and correct every difference with the directory.") var full = false
    @Flag(name: .customLong("fix-duplicates"), help: "With --full: delete the other groups of a pushed group's name, keeping the linked one.") var fixDuplicates = false
    @Option(name: .customLong("max-wait"),
            help: "Most time the run may spend paused when the app rate-limits it (90s, 5m, 1h); past it, what is left fails as tasks and the run exits 1. Without it, every Retry-After is honoured (each pause at most 15 minutes).")
    var maxWait: WaitDuration?

    struct Result: Encodable {
        var runId: String
        var succeeded: [String: Int]
        var failed: [Failure]
        var outcome: String
        var conflicts: Int
        var heldBack: [String: Int]
        var interruptedEarlier: Int
        var seconds: Double
    }

    struct Failure: Encodable {
        var kind: String
        var reason: String
    }

    func run() async throws {
        let store = try ScimdeckStore(path: global.storePath)
        let engine = ProvisioningEngine(store: store, app: try app.resolve(in: store))
        if full { return try await runFull(engine) }
        if dryRun {
            let plan = try engine.plan(memberBatchSize: memberBatch)
            let report = try PlanReport(plan: plan, store: store, appID: engine.appID)
            json ? try JSONOutput.print(report) : report.printText(plan: plan, limit: 20)
            if plan.holdsWorkBack { throw ExitCode(1) }
            return
        }
        let printer = SyncProgressPrinter(json: json)
        let client = try pacedClient(engine, printer: printer)
        let start = ContinuousClock.now
        let outcome: SyncResult
        do {
            outcome = try await engine.sync(client: client, concurrency: try inFlight(engine), memberBatchSize: memberBatch, claim: claim) { printer.update($0) }
        } catch let error as EngineError {
            guard case .appBusy = error else { throw error }
            StandardStreams.err("scimdeck: \(error)\n")
            throw ExitCode(SyncCommand.busyExitCode)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let result = Result(
            runId: outcome.runID,
            succeeded: Dictionary(outcome.report.succeeded.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: +),
            failed: outcome.report.failures.map { Failure(kind: $0.operation.kind.rawValue, reason: $0.reason) },
            outcome: outcome.outcome.rawValue,
            conflicts: outcome.plan.conflicts.count,
            heldBack: Dictionary(outcome.plan.heldBack.map { ($0.reason.rawValue, $0.personIDs.count) }, uniquingKeysWith: +),
            interruptedEarlier: outcome.interruptedEntries,
            seconds: (seconds * 1000).rounded() / 1000
        )
        if json {
            JSONOutput.line(result)
        } else {
            printSummary(result, outcome: outcome, store: store, engine: engine)
        }
        if !outcome.outcome.isComplete { throw ExitCode(1) }
    }

    /// What an earlier, killed run left open, as `sync` and `sync --full` both say it.
    static func interruptedLines(_ count: Int) -> [String] {
        count > 0 ? ["an earlier run was interrupted with \(count) operations open; this run covered them"] : []
    }

    /// The first 20 failures, then how many more `scimdeck tasks list` shows.
    static func failureLines(_ failures: [Failure]) -> [String] {
        failures.prefix(20).map { "failed: \($0.kind): \($0.reason)" }
            + (failures.count > 20 ? ["… and \(failures.count - 20) more failures (`scimdeck tasks list`)"] : [])
    }

    /// The run's client. One pacer for the whole run: a rate limit pauses every request, and
    /// concurrency adapts to it.
    func pacedClient(_ engine: ProvisioningEngine, printer: SyncProgressPrinter) throws -> SCIMClient {
        // The app must be able to sync (`SyncReadiness`): the first thing missing is the one said.
        if let reason = try engine.readiness(tokenGiven: token.isGiven).reason { throw EngineError.notReady(engine.app.label, reason) }
        let concurrency = try inFlight(engine)
        let transport = try connection.transport(maxInFlight: max(1, concurrency))
        let pacer = SCIMRequestPacer(limit: max(1, concurrency), maxWait: maxWait?.seconds) { printer.pause($0) }
        return try engine.client(transport: transport, token: try token.read()).pacing(pacer)
    }

    /// Requests in flight: `--concurrency`, else the app's setting.
    func inFlight(_ engine: ProvisioningEngine) throws -> Int {
        max(1, try concurrency ?? engine.concurrency())
    }

    /// Who this run is to a second one, and whether it waits for the app.
    var claim: RunClaim {
        RunClaim(holder: full ? "scimdeck sync --full" : "scimdeck sync", waits: !noWait) { line in StandardStreams.err(line + "\n") }
    }

    /// EX_TEMPFAIL: another run holds the app; try again later.
    static let busyExitCode: Int32 = 75

    private func printSummary(_ result: Result, outcome: SyncResult, store: ScimdeckStore, engine: ProvisioningEngine) {
        var lines: [String] = []
        lines += Self.interruptedLines(result.interruptedEarlier)
        if outcome.outcome == .upToDate { lines.append("nothing to send: the app matches the directory") }
        for (kind, count) in result.succeeded.sorted(by: { $0.key < $1.key }) { lines.append("\(kind): \(count)") }
        lines += Self.failureLines(result.failed)
        lines += (try? PlanReport(plan: outcome.plan, store: store, appID: engine.appID).heldBackLines(limit: 20)) ?? []
        lines.append("done in \(result.seconds) s")
        StandardStreams.out(lines.joined(separator: "\n") + "\n")
    }
}
