import Foundation
import Terminal
import ViewModels

/// The way in for `scimdeck` with no subcommand: runs the console on the real terminal and
/// returns the exit status once the terminal is restored.
public enum Console {
    public static func run(workspace: Workspace, themeName: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                           executablePath: String? = ShareDirectory.executablePath()) -> Int32 {
        let themes = ThemeLoader(directories: ThemeLoader.standardDirectories(environment: environment, executablePath: executablePath))
        return TerminalApp.run(ConsoleProgram(workspace: workspace), selection: themes.load(named: themeName, environment: environment))
    }

    /// The store path as the header shows it: the home folder as `~`.
    public static func displayPath(_ path: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
        guard let home, !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}
