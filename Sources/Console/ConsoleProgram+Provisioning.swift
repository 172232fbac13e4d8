import Terminal
import ViewModels

/// The Provisioning tab: keys to intents, and its effects run as tasks whose answers come back as `.provisioning`.
extension ConsoleProgram {
    func sendProvisioning(_ intent: ProvisioningTabViewModel.Intent, _ state: inout AppScreenState,
                          _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let effects = state.provisioning.model.send(intent)
        guard !effects.isEmpty else { return spinnerCommand(state) }
        let appID = state.detail.id
        let runner: ProvisioningEffectRunner
        do {
            runner = try workspace.provisioningRunner(appID: appID)
        } catch {
            return showToast(Toast("\(error)", kind: .error), &model)
        }
        let tasks = effects.map { effect in
            Command<ConsoleMessage>.task { .provisioning(appID: appID, await runner.run(effect)) }
        }
        return .batch(tasks + [spinnerCommand(state)])
    }

    /// The Provisioning tab's keys; nil leaves the key to the app screen (tabs, sync, back).
    func provisioningKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        nil
    }
}
