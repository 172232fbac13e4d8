import ArgumentParser
import Provisioning
import Store

/// `scimdeck reconcile --app A [--dry-run] [--json]`: read the app, link what matches, report drift.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Read all users and groups of the app, link those matching the directory, and report drift.",
        discussion: "Users match by userName without regard to case, groups by displayName. Nothing is sent to the app; the next sync sends what is needed."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @OptionGroup var token: TokenInput
    @OptionGroup var connection: ConnectionOptions
    @Flag(name: .customLong("dry-run"), help: "Report only; record no links.") var dryRun = false
    @Flag(help: "Print JSON.") var json = false

    struct Output: Encodable {
        struct Drift: Encodable { var userName: String; var attribute: String; var inApp: String?; var inDirectory: String? }
        struct Members: Encodable { var group: String; var missingInApp: Int; var extraInApp: Int }
        var linkedUsers: [String]
        var linkedGroups: [String]
        var unknownRemoteUsers: [String]
        var missingRemoteUsers: [String]
        var attributeDrift: [Drift]
        var memberDrift: [Members]
        /// What `sync --full` would correct, one line each.
        var drift: [String]
        var recorded: Bool
    }

    func run() async throws {
        let store = try ScimdeckStore(path: global.storePath)
        let engine = ProvisioningEngine(store: store, app: try app.resolve(in: store))
        let client = try engine.client(transport: try connection.transport(maxInFlight: 4), token: try token.read())
        let claim = RunClaim(holder: "scimdeck reconcile") { line in StandardStreams.err(line + "\n") }
        let report = try await engine.reconcile(client: client, dryRun: dryRun, claim: claim)
        let logins = Dictionary(try store.directory.people().compactMap { person in person.id.map { ($0, person.login) } }, uniquingKeysWith: { a, _ in a })
        let output = Output(
            linkedUsers: report.linkedUsers.map(\.userName), linkedGroups: report.linkedGroups.map(\.name),
            unknownRemoteUsers: report.unknownRemoteUsers, missingRemoteUsers: report.missingRemoteUsers.map { logins[$0] ?? "#\($0)" },
            attributeDrift: report.attributeDrift.map { .init(userName: $0.userName, attribute: $0.attribute, inApp: $0.inApp, inDirectory: $0.inDirectory) },
            memberDrift: report.memberDrift.filter { $0.missingInApp > 0 || $0.extraInApp > 0 }.map { .init(group: $0.group, missingInApp: $0.missingInApp, extraInApp: $0.extraInApp) },
            drift: report.drift.map(\.summary),
            recorded: !dryRun
        )
        if json { return try JSONOutput.print(output) }
        var lines: [String] = []
        let verb = dryRun ? "would link" : "linked"
        if !output.linkedUsers.isEmpty { lines.append("\(verb) \(output.linkedUsers.count) users: \(output.linkedUsers.prefix(10).joined(separator: ", "))\(output.linkedUsers.count > 10 ? ", …" : "")") }
        if !output.linkedGroups.isEmpty { lines.append("\(verb) \(output.linkedGroups.count) groups: \(output.linkedGroups.joined(separator: ", "))") }
        for name in output.unknownRemoteUsers.prefix(20) { lines.append("in the app, not in the directory: \(name)") }
        if output.unknownRemoteUsers.count > 20 { lines.append("… and \(output.unknownRemoteUsers.count - 20) more unknown to the directory") }
        for login in output.missingRemoteUsers { lines.append("linked but gone from the app: \(login)\(dryRun ? "" : " (unlinked; the next sync provisions it again)")") }
        for members in output.memberDrift { lines.append("\(members.group): \(members.missingInApp) members missing in the app, \(members.extraInApp) extra") }
        for summary in output.drift { lines.append("drift: \(summary)") }
        if !output.drift.isEmpty { lines.append("`scimdeck sync --full` corrects the drift (duplicates with --fix-duplicates)") }
        if lines.isEmpty { lines.append("in sync: the app matches the directory") }
        StandardStreams.out(lines.joined(separator: "\n") + "\n")
    }
}
