@testable import Console
import ViewModels

/// The program itself, for tests that run it with a script of their own.
enum ConsoleProgramFactory {
    static func make(_ workspace: Workspace) -> ConsoleProgram { ConsoleProgram(workspace: workspace) }
}
