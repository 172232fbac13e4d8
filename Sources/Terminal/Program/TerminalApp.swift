import Foundation

/// The way in for an executable: runs a program on the real terminal and returns the
/// process exit status. Whatever happens, the screen is restored first; theme warnings
/// (a bad theme file, named with its key) and any error are printed after that, where
/// the user can read them — printed before, the full-screen view would hide them.
public enum TerminalApp {
    public static func run<P: Program>(_ program: P, selection: ThemeSelection, mouse: Bool = true) -> Int32 {
        let driver = CursesTerminal(colorEnabled: selection.colorEnabled, mouseEnabled: mouse)
        let runner = ProgramRunner(program: program, driver: driver, theme: selection.theme)
        let status: Int32
        var failure: String?
        do {
            status = try runner.run().exitStatus
        } catch {
            driver.stop()
            failure = error.description
            status = 1
        }
        for warning in selection.warnings { printError("scimdeck: \(warning)") }
        if let failure { printError("scimdeck: \(failure)") }
        return status
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
