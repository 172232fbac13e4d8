import Foundation
import LDAP
import Provisioning
import SCIM
import Store

/// One cycle of `scimdeck run`: every directory source imported (incremental, or full when one is
/// due), then every ready app synced under its run lock. One line per source and per app; a source
/// or an app that fails is reported and the others go on.
struct AgentCycle {
    let store: ScimdeckStore
    let fullEvery: Double
    /// A full import of every source this cycle, whatever the schedule says.
    let forceFull: Bool
    /// `--concurrency`; nil: each app's own setting.
    let concurrency: Int?
    let transport: @Sendable (Int) throws -> any HTTPTransport
    let say: @Sendable (String) -> Void

    struct Outcome: Sendable, Equatable {
        var failedSources: [String] = []
        var failedApps: [String] = []
        /// Stopped by a signal before the cycle ended.
        var stopped = false

        var failed: Bool { !failedSources.isEmpty || !failedApps.isEmpty }
    }

    func run() async -> Outcome {
        var outcome = Outcome()
        importSources(&outcome)
        if !outcome.stopped { await syncApps(&outcome) }
        return outcome
    }

    private func importSources(_ outcome: inout Outcome) {
        let sources: [DirectorySource]
        do {
            sources = try store.directorySources.all()
        } catch {
            say("sources: cannot read them from the store: \(error)")
            outcome.failedSources.append("*")
            return
        }
        let importer = DirectorySourceImporter(store: store, connector: LDAPConnector())
        for source in sources.sorted(by: { $0.name < $1.name }) {
            if StopSignal.pending != nil { outcome.stopped = true; return }
            let full = forceFull || isFullDue(source)
            do {
                // An import is one transaction: a signal during it lets it land whole, then the cycle stops.
                let report = try importer.importSource(named: source.name, full: full)
                say("source \(source.name): \(report.description)" + (report.issues.isEmpty ? "" : " (`scimdeck directory source import \(source.name) --dry-run` lists them)"))
            } catch {
                say("source \(source.name): failed: \(error)")
                outcome.failedSources.append(source.name)
            }
        }
    }

    private func isFullDue(_ source: DirectorySource) -> Bool {
        guard let last = source.lastFullImportAt else { return true }
        return Date().timeIntervalSince(last) >= fullEvery
    }

    private func syncApps(_ outcome: inout Outcome) async {
        let apps: [Saved<AppIntegration>]
        do {
            apps = try store.apps.all()
        } catch {
            say("apps: cannot read them from the store: \(error)")
            outcome.failedApps.append("*")
            return
        }
        for app in apps {
            if StopSignal.pending != nil { outcome.stopped = true; return }
            do {
                let engine = ProvisioningEngine(store: store, app: app)
                // Not a failure: a switch the admin set, or a step of set-up not done yet.
                if let reason = try engine.readiness().reason {
                    say("app \(app.label): skipped: \(reason.commandLineMessage(appLabel: app.label))")
                    continue
                }
                let inFlight = try concurrency ?? engine.concurrency()
                let client = try engine.client(transport: try transport(inFlight))
                let result = try await syncStoppingOnSignal(engine, client: client, concurrency: inFlight)
                say("app \(app.label): \(result.headline(appLabel: app.label))" + failureHint(result))
                switch result.outcome {
                case .failed: outcome.failedApps.append(app.label)
                case .stopped: outcome.stopped = true
                case .upToDate, .synced, .heldBack: break
                }
            } catch EngineError.appBusy(let label, let holder) {
                // Another run holds it; the next cycle tries again. Not a failure of this one.
                say("app \(app.label): left for the next cycle: \(EngineError.appBusy(label, holder: holder))")
            } catch {
                say("app \(app.label): failed: \(error)")
                outcome.failedApps.append(app.label)
            }
            if outcome.stopped { return }
        }
    }

    private func failureHint(_ result: SyncResult) -> String {
        result.outcome == .failed ? " (`scimdeck tasks list`; the next cycle retries)" : ""
    }

    /// The sync in a task that a stop signal cancels: the executor then sends nothing more, lets the
    /// requests in flight finish and journals them, so the next run goes on from there.
    private func syncStoppingOnSignal(_ engine: ProvisioningEngine, client: SCIMClient, concurrency: Int) async throws -> SyncResult {
        let sync = Task {
            try await engine.sync(client: client, concurrency: concurrency, claim: RunClaim(holder: "scimdeck run", waits: false))
        }
        let watcher = Task {
            await StopSignal.wait()
            if StopSignal.pending != nil { sync.cancel() }
        }
        defer { watcher.cancel() }
        return try await sync.value
    }
}
