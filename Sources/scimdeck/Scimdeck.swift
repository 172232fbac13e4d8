import ArgumentParser
import Foundation

@main
struct Scimdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimdeck",
        abstract: "A terminal console that connects apps to your directory over SAML and SCIM 2.0.",
        version: BuildInfo.versionLine,
        subcommands: [DirectoryCommand.self, AppCommand.self, AssignCommand.self, UnassignCommand.self, PushCommand.self, MappingCommand.self, PlanCommand.self, SyncCommand.self, RunCommand.self, TasksCommand.self, LogCommand.self, ReconcileCommand.self, SAMLCommand.self, SCIMCommand.self, SecretsCommand.self, StoreCommand.self, DemoCommand.self, ThemeCommand.self]
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "The colour theme: default, dark, light, high-contrast, mono, or one in $XDG_CONFIG_HOME/scimdeck/themes.")
    var theme: String?

    /// ArgumentParser's own `main`, except that an error's message (which may quote what an app
    /// answered) is written through `StandardStreams`, cleaned of terminal control like every other
    /// line, and that an error from a command's work is one line and a pointer to that command's
    /// `--help` rather than the usage block, which only helps when the arguments were wrong.
    /// Exit codes stay ArgumentParser's: 64 for a bad argument or a `ValidationError`, 1 otherwise.
    static func main() async {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // Unknown option, missing value, a failed `validate()`: the usage line is the help.
            finish(fullMessage(for: error), code: exitCode(for: error))
        }
        do {
            var command = command
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = message(for: error)
            // A clean exit's text is output, and a bare `ExitCode` has nothing to say.
            if code == .success || text.isEmpty { finish(fullMessage(for: error), code: code) }
            finish("Error: \(text)\nSee '\(CommandPath.line(for: type(of: command))) --help'.", code: code)
        }
    }

    private static func finish(_ text: String, code: ExitCode) -> Never {
        if !text.isEmpty {
            if code == .success { StandardStreams.out(text + "\n") } else { StandardStreams.err(text + "\n") }
        }
        Foundation.exit(code.rawValue)
    }

    /// With no subcommand, the console opens on the store.
    func run() async throws {
        let status = try await ConsoleLaunch.run(storePath: global.storePath, themeName: theme)
        if status != 0 { throw ExitCode(status) }
    }
}
