import Terminal
import ViewModels

/// Everything that reaches `ConsoleProgram.update`: input, and finished or streaming work.
enum ConsoleMessage: Sendable {
    case key(Key)
    case paste(String)
    case resize(TerminalSize)
    case click(Point)
    case directoryLoaded(DirectoryListing, PeopleTableRows)
    case workFailed(String)
    case demoCreated(String)
    case imported(ok: Bool, message: String)
    case syncProgress(appID: Int64, SyncProgress)
    case syncFinished(appID: Int64, summary: String, failed: Bool)
    case toastExpired
}
