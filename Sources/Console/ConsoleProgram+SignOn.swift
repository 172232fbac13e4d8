import Provisioning
import Terminal
import ViewModels

/// The Sign On tab: keys to intents, and its effects run as tasks whose answers come back as `.signOn`.
extension ConsoleProgram {
    func sendSignOn(_ intent: SignOnIntent, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let effects = state.signOn.tab.send(intent)
        return runSignOn(effects, &state, &model)
    }

    func runSignOn(_ effects: [SignOnEffect], _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let runner = workspace.signOnRunner
        let appID = state.detail.id
        var commands: [Command<ConsoleMessage>] = []
        for effect in effects {
            if effect == .close {
                commands.append(navigate(state.pendingNavigation ?? .back, &state, &model))
                continue
            }
            commands.append(.task { runner.perform(effect).map { .signOn(appID: appID, $0) } })
        }
        return .batch(commands + [spinnerCommand(state)])
    }

    /// The Sign On tab's keys; nil leaves the key to the app screen (tabs, sync, back).
    func signOnKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        nil
    }
}
