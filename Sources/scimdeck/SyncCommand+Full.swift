import ArgumentParser
import Foundation
import Provisioning

/// `scimdeck sync --full [--dry-run] [--fix-duplicates]`: one line per correction, then the counts.
extension SyncCommand {
    struct FullResult: Encodable {
        struct Correction: Encodable {
            var outcome: String
            var summary: String
            var reason: String?
        }

        var runId: String?
        var dryRun: Bool
        var usersRead: Int
        var groupsRead: Int
        var corrections: [Correction]
        var succeeded: [String: Int]
        var failed: [Failure]
        var interruptedEarlier: Int
    }

    func validate() throws {
        if fixDuplicates && !full { throw ValidationError("--fix-duplicates goes with --full") }
    }

    func runFull(_ engine: ProvisioningEngine) async throws {
        let printer = SyncProgressPrinter(json: json)
        let client = try pacedClient(engine, printer: printer)
        let outcome: FullSyncResult
        do {
            outcome = try await engine.fullSync(client: client, dryRun: dryRun, fixDuplicates: fixDuplicates, concurrency: try inFlight(engine),
                                                memberBatchSize: memberBatch, claim: claim) { printer.update($0) }
        } catch EngineError.appBusy(let label, let holder) {
            StandardStreams.err("scimdeck: \(EngineError.appBusy(label, holder: holder))\n")
            throw ExitCode(SyncCommand.busyExitCode)
        }
        let result = FullResult(
            runId: outcome.runID, dryRun: dryRun, usersRead: outcome.usersRead, groupsRead: outcome.groupsRead,
            corrections: outcome.corrections.map { correction in
                switch outcome.outcome(of: correction) {
                case .corrected: return .init(outcome: "corrected", summary: correction.summary)
                case .wouldCorrect: return .init(outcome: "would correct", summary: correction.summary)
                case .heldBack(let reason): return .init(outcome: "not corrected", summary: correction.summary, reason: reason.description)
                case .failed(let reason): return .init(outcome: "failed", summary: correction.summary, reason: reason)
                }
            },
            succeeded: Dictionary((outcome.report?.succeeded ?? [:]).map { ($0.key.rawValue, $0.value) }, uniquingKeysWith: +),
            failed: (outcome.report?.failures ?? []).map { Failure(kind: $0.operation.kind.rawValue, reason: $0.reason) },
            interruptedEarlier: outcome.interruptedEntries
        )
        if json {
            JSONOutput.line(result)
        } else {
            printFull(result, plan: outcome.plan)
            let held = (try? PlanReport(plan: outcome.plan, store: engine.store, appID: engine.appID).heldBackLines(limit: 20)) ?? []
            if !held.isEmpty { StandardStreams.out(held.joined(separator: "\n") + "\n") }
        }
        if !dryRun && !outcome.isClean { throw ExitCode(1) }
    }

    private func printFull(_ result: FullResult, plan: Plan) {
        var lines: [String] = []
        lines += Self.interruptedLines(result.interruptedEarlier)
        lines.append("read \(result.usersRead) users and \(result.groupsRead) groups from the app")
        for correction in result.corrections {
            lines.append("\(correction.outcome): \(correction.summary)" + (correction.reason.map { " (\($0))" } ?? ""))
        }
        if result.corrections.isEmpty { lines.append("no drift: the app holds what scimdeck last sent") }
        if result.dryRun {
            for (kind, count) in plan.counts { lines.append("would send \(kind.rawValue): \(count)") }
        } else {
            for (kind, count) in result.succeeded.sorted(by: { $0.key < $1.key }) { lines.append("\(kind): \(count)") }
        }
        lines += Self.failureLines(result.failed)
        StandardStreams.out(lines.joined(separator: "\n") + "\n")
    }
}
