import Terminal
import ViewModels

/// Everything that reaches `ConsoleProgram.update`: input, and finished or streaming work.
enum ConsoleMessage: Sendable {
    case key(Key)
    case paste(String)
    case resize(TerminalSize)
    case click(Point)
    /// The mouse wheel: rows to move the selection by (negative: up).
    case scroll(lines: Int)
    case directoryLoaded(DirectoryListing, PeopleTableRows)
    case workFailed(String)
    case demoCreated(String)
    case imported(ok: Bool, message: String)
    case syncProgress(appID: Int64, SyncProgress)
    case syncFinished(appID: Int64, summary: String, outcome: Toast.Kind)
    case toastExpired
    /// The answer to a Sign On effect, for the app it was run for.
    case signOn(appID: Int64, SignOnIntent)
    /// The answer to a Provisioning effect, for the app it was run for.
    case provisioning(appID: Int64, ProvisioningTabViewModel.Intent)
    /// The answer to an Assignments effect, for the app it was run for.
    case assignments(appID: Int64, AssignmentsViewModel.Intent)
    /// The answer to a Push Groups effect, for the app it was run for.
    case pushGroups(appID: Int64, PushGroupsViewModel.Intent)
    /// Turns the spinner while something runs in the background (Test API Credentials).
    case spinnerTick
}
