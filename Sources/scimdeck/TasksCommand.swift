import ArgumentParser
import Foundation
import Store

/// `scimdeck tasks list|retry --app A`: the failed operations of the latest run (the Log tab's tasks).
struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks", abstract: "Failed provisioning operations, and retrying them.",
        subcommands: [List.self, Retry.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The operations the latest sync could not finish, with the reason.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @Flag(help: "Print JSON.") var json = false

        struct Task: Encodable {
            var operation: String
            var target: String
            var error: String
            var at: Date
        }

        func run() throws {
            let store = try ScimdeckStore(path: global.storePath)
            let appID = try app.resolve(in: store).id
            let entries = try store.provisioning.failedOperationsOfLatestRun(appId: appID)
            let tasks = entries.map { Task(operation: $0.operation, target: $0.payload, error: $0.lastError ?? "", at: $0.updatedAt) }
            if json { return try JSONOutput.print(tasks) }
            if tasks.isEmpty { return print("no failed operations") }
            TextTable.print(["OPERATION", "ERROR", "DETAIL"], tasks.map { [$0.operation, $0.error, $0.target] })
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry", abstract: "Retry the failed operations: a sync, which plans them again from the store."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var app: AppOption
        @OptionGroup var token: TokenInput
        @OptionGroup var connection: ConnectionOptions
        @Option(name: .customLong("max-wait"), help: "Most time the retry may spend paused by the app's rate limits (as for sync).")
        var maxWait: String?

        func run() async throws {
            let waitArguments = maxWait.map { ["--max-wait", $0] } ?? []
            let sync = try SyncCommand.parse(["--app", app.name] + (global.store.map { ["--store", $0] } ?? []) + tokenArguments + connectionArguments + waitArguments)
            try await sync.run()
        }

        private var tokenArguments: [String] {
            (token.tokenFile.map { ["--token-file", $0] } ?? []) + (token.tokenFromEnvironment ? ["--token-from-env"] : []) + (token.promptForToken ? ["--prompt-token"] : [])
        }

        private var connectionArguments: [String] {
            (connection.caFile.map { ["--ca-file", $0] } ?? []) + (connection.allowInsecureHTTP ? ["--allow-insecure-http"] : [])
        }
    }
}
