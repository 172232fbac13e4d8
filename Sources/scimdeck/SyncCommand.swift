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
        discussion: "Exits 1 when some operations failed; they are listed by `scimdeck tasks list` and retried by the next sync."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @OptionGroup var token: TokenInput
    @OptionGroup var connection: ConnectionOptions
    @Flag(name: .customLong("dry-run"), help: "Print the plan; send nothing.") var dryRun = false
    @Option(help: "Requests in flight at once.") var concurrency = 4
    @Option(name: .customLong("member-batch"), help: "Members added or removed per PATCH.") var memberBatch = 100
    @Flag(help: "Progress and the result as JSON lines on stdout.") var json = false
    @Option(name: .customLong("max-wait"),
            help: "Most time the run may spend paused when the app rate-limits it (90s, 5m, 1h); past it, what is left fails as tasks and the run exits 1. Without it, every Retry-After is honoured (each pause at most 15 minutes).")
    var maxWait: WaitDuration?

    struct Result: Encodable {
        var runId: String
        var succeeded: [String: Int]
        var failed: [Failure]
        var conflicts: Int
        var interruptedEarlier: Int
        var seconds: Double
    }

    struct Failure: Encodable {
        var kind: String
        var reason: String
    }

    func run() async throws {
        let store = try ScimdeckStore(path: global.storePath)
        let engine = try ProvisioningEngine(store: store, app: try app.resolve(in: store))
        if dryRun {
            let plan = try engine.plan(memberBatchSize: memberBatch)
            let report = try PlanReport(plan: plan, store: store)
            return json ? try JSONOutput.print(report) : report.printText(plan: plan, limit: 20)
        }
        let transport = try connection.transport(maxInFlight: max(1, concurrency))
        let printer = SyncProgressPrinter(json: json)
        // One pacer for the whole run: a rate limit pauses every request, and concurrency adapts to it.
        let pacer = SCIMRequestPacer(limit: max(1, concurrency), maxWait: maxWait?.seconds) { printer.pause($0) }
        let client = try engine.client(transport: transport, token: try token.read()).pacing(pacer)
        let start = ContinuousClock.now
        let outcome = try await engine.sync(client: client, concurrency: concurrency, memberBatchSize: memberBatch) { printer.update($0) }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let result = Result(
            runId: outcome.runID,
            succeeded: Dictionary(outcome.report.succeeded.map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: +),
            failed: outcome.report.failures.map { Failure(kind: $0.operation.kind.rawValue, reason: $0.reason) },
            conflicts: outcome.plan.conflicts.count, interruptedEarlier: outcome.interruptedEntries,
            seconds: (seconds * 1000).rounded() / 1000
        )
        if json {
            JSONOutput.line(result)
        } else {
            printSummary(result, plan: outcome.plan)
        }
        if !outcome.report.failures.isEmpty { throw ExitCode(1) }
    }

    private func printSummary(_ result: Result, plan: Plan) {
        var lines: [String] = []
        if result.interruptedEarlier > 0 { lines.append("an earlier run was interrupted with \(result.interruptedEarlier) operations open; this run covered them") }
        if plan.operations.isEmpty { lines.append("nothing to send: the app matches the directory") }
        for (kind, count) in result.succeeded.sorted(by: { $0.key < $1.key }) { lines.append("\(kind): \(count)") }
        for failure in result.failed.prefix(20) { lines.append("failed: \(failure.kind): \(failure.reason)") }
        if result.failed.count > 20 { lines.append("… and \(result.failed.count - 20) more failures (`scimdeck tasks list`)") }
        for conflict in plan.conflicts { lines.append("conflict: \(conflict.reason)") }
        lines.append("done in \(result.seconds) s")
        StandardStreams.out(lines.joined(separator: "\n") + "\n")
    }
}
