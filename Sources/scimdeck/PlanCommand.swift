import ArgumentParser
import Provisioning
import Store

/// `scimdeck plan --app A [--json]`: what a sync would send, from the store alone.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Show what a sync would send to an app (no network).",
                                                    discussion: "Exits 1 when the plan holds work back: userName conflicts, or people that Create / Update / Deactivate Users being off keeps from the app.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Operations listed per kind.") var limit = 20

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let engine = ProvisioningEngine(store: store, app: try app.resolve(in: store))
        let plan = try engine.plan()
        let report = try PlanReport(plan: plan, store: store, appID: engine.appID)
        json ? try JSONOutput.print(report) : report.printText(plan: plan, limit: limit)
        // The plan is what a sync would send; when the app cannot sync now, say why (the plan still stands).
        if let reason = try engine.readiness().reason {
            StandardStreams.err("scimdeck: a sync would not start: \(reason.commandLineMessage(appLabel: engine.app.label))\n")
        }
        // Work held back (conflicts, a switch off) means the app will not match the directory.
        if plan.holdsWorkBack { throw ExitCode(1) }
    }
}
