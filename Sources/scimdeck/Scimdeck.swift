import ArgumentParser
import Foundation

@main
struct Scimdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimdeck",
        abstract: "A terminal console that connects apps to your directory over SAML and SCIM 2.0.",
        version: "0.1.0",
        subcommands: [DirectoryCommand.self, AppCommand.self, AssignCommand.self, UnassignCommand.self, PushCommand.self, MappingCommand.self, PlanCommand.self, SyncCommand.self, TasksCommand.self, LogCommand.self, ReconcileCommand.self, SAMLCommand.self, SCIMCommand.self, SecretsCommand.self, StoreCommand.self, DemoCommand.self]
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The colour theme: default, dark, light, high-contrast, mono, or one in $XDG_CONFIG_HOME/scimdeck/themes.")
    var theme: String?

    /// ArgumentParser's own `main`, except that an error's message (which may quote what an app
    /// answered) is written through `StandardStreams`, cleaned of terminal control like every other line.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let text = fullMessage(for: error)
            let code = exitCode(for: error)
            if !text.isEmpty {
                if code == .success { StandardStreams.out(text + "\n") } else { StandardStreams.err(text + "\n") }
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// With no subcommand, the console opens on the store.
    func run() async throws {
        let status = try ConsoleLaunch.run(storePath: global.storePath, themeName: theme)
        if status != 0 { throw ExitCode(status) }
    }
}
