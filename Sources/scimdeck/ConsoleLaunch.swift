import Console
import Foundation
import HTTP
import Provisioning
import SCIM
import Store
import ViewModels

/// `scimdeck` with no subcommand: opens the console on the store, with the libcurl sync runner
/// and — when the run script started a demo server — the demo offer wired in.
enum ConsoleLaunch {
    static func run(storePath: String, themeName: String?) async throws -> Int32 {
        let store = try ScimdeckStore(path: storePath)
        let environment = ProcessInfo.processInfo.environment
        var demoMaker: (@Sendable () throws -> String)?
        if let settings = DemoSettings.fromEnvironment(environment) {
            demoMaker = { try settings.workspace().apply(to: store) }
            // A demo made by an earlier `make run` follows this run's server (the old one is gone).
            if try store.apps.app(named: DemoWorkspace.appLabel) != nil { _ = try settings.workspace().apply(to: store) }
        }
        // Test API Credentials and /Schemas share one transport; a sync makes its own (its pool is sized for the push).
        let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: 2))
        let workspace = Workspace(store: store, location: Console.displayPath(storePath),
                                  syncRunner: syncRunner(store: store), demoMaker: demoMaker, scimTransport: transport)
        // The console's loop blocks the thread it runs on until quit: it gets a thread of its own, and
        // this task waits for it suspended, so both cooperative threads stay free for the sync tasks.
        return await withCheckedContinuation { (finished: CheckedContinuation<Int32, Never>) in
            let thread = Thread {
                finished.resume(returning: Console.run(workspace: workspace, themeName: themeName, environment: environment))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Plans and applies through `ProvisioningEngine.sync` with the app's stored URL and token.
    static func syncRunner(store: ScimdeckStore) -> SyncRunner {
        { appID, progress in
            guard let app = try await store.apps.app(id: appID) else { throw EngineError.noSuchApp("#\(appID)") }
            let engine = ProvisioningEngine(store: store, app: app)
            // Said in the console's words (the tab that fixes it), before any connection is made.
            if let reason = try engine.readiness().reason {
                return SyncSummary(kind: .incomplete, headline: reason.message(appLabel: app.label))
            }
            let concurrency = try engine.concurrency()
            let transport = try CurlTransport(configuration: CurlTransportConfiguration(maxInFlight: concurrency))
            // Paced at the run's concurrency: a rate limit pauses the whole run, and the status line says so.
            let last = LastProgress()
            let pacer = SCIMRequestPacer(limit: concurrency) { pause in
                var shown = last.value
                shown.note = pause.description
                progress(shown)
            }
            let client = try engine.client(transport: transport).pacing(pacer)
            // One run per app: a CLI sync or the agent holding the app is reported, not waited for.
            let claim = RunClaim(holder: "the console", waits: false)
            do {
                let outcome = try await engine.sync(client: client, concurrency: concurrency, claim: claim) { step in
                    let shown = SyncProgress(done: step.done, total: step.total, failed: step.failed)
                    last.value = shown
                    progress(shown)
                }
                return SyncSummary(outcome, appLabel: app.label)
            } catch EngineError.appBusy(_, let holder) {
                return .syncingElsewhere(holder: holder, appLabel: app.label)
            }
        }
    }
}

/// The progress last reported, for a pause to be shown against.
private final class LastProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = SyncProgress(done: 0, total: 0, failed: 0)
    var value: SyncProgress {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
