import ArgumentParser
import Provisioning
import Store

/// `scimdeck plan --app A [--json]`: what a sync would send, from the store alone.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Show what a sync would send to an app (no network).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Operations listed per kind.") var limit = 20

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let engine = try ProvisioningEngine(store: store, app: try app.resolve(in: store))
        let plan = try engine.plan()
        let report = try PlanReport(plan: plan, store: store)
        if json { return try JSONOutput.print(report) }
        report.printText(plan: plan, limit: limit)
    }
}
