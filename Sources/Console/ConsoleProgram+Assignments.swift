import Terminal
import ViewModels

/// The Assignments tab: Assign to People / Groups, and removing an assignment.
extension ConsoleProgram {
    /// The Assignments tab's keys; nil leaves the key to the app screen (table, tabs, sync, back).
    func assignmentsKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        nil
    }
}
