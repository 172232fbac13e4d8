import Foundation

/// The way in for an executable: runs a program on the real terminal and returns the
/// process exit status. Whatever happens, the screen is restored first and any error
/// is printed after that, where the user can read it.
public enum TerminalApp {
    public static func run<P: Program>(_ program: P, selection: ThemeSelection, mouse: Bool = true) -> Int32 {
        let driver = CursesTerminal(colorEnabled: selection.colorEnabled, mouseEnabled: mouse)
        let runner = ProgramRunner(program: program, driver: driver, theme: selection.theme)
        do {
            let reason = try runner.run()
            return reason.exitStatus
        } catch {
            driver.stop()
            FileHandle.standardError.write(Data("scimdeck: \(error.description)\n".utf8))
            return 1
        }
    }
}
