import Terminal
import ViewModels

/// The Push Groups tab: + Push Groups (by name, by rule), Push Now and Unlink pushed group.
extension ConsoleProgram {
    /// The Push Groups tab's keys; nil leaves the key to the app screen (table, tabs, sync, back).
    func pushGroupsKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        nil
    }
}
