import ArgumentParser
import Foundation
import Terminal

/// `scimdeck theme list`: the themes `--theme` can name, the file each comes from (the first
/// directory that has it wins) and whether it parses — so a user can see which of the installed,
/// the checkout's and their own themes is used without opening the console.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "The colour themes scimdeck finds, and where.",
        subcommands: [List.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List every theme by name with the file it is read from; exits 1 when a theme file does not parse.",
            discussion: "Themes are looked for in $XDG_CONFIG_HOME/scimdeck/themes, $SCIMDECK_THEMES, ./themes, and the themes installed with scimdeck (PREFIX/share/scimdeck/themes)."
        )

        func run() throws {
            let loader = ThemeLoader(directories: ThemeLoader.standardDirectories(
                environment: ProcessInfo.processInfo.environment, executablePath: ShareDirectory.executablePath()))
            var broken = 0
            let rows = loader.availableThemes().map { name -> [String] in
                guard let path = loader.path(ofTheme: name) else { return [name, "built in", "ok"] }
                do {
                    _ = try ThemeLoader.loadFile(path, name: name)
                    return [name, path, "ok"]
                } catch {
                    broken += 1
                    return [name, path, String(describing: error)]
                }
            }
            TextTable.print(["NAME", "FILE", "STATUS"], rows)
            if broken > 0 { throw ExitCode.failure }
        }
    }
}
