import Terminal
import ViewModels

/// Moving between an app's tabs, and out of it, without losing a form's unsaved changes.
extension ConsoleProgram {
    /// Goes to `target` now, or first asks the tab being left about its unsaved changes.
    func requestNavigation(_ target: AppNavigation, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        if case .tab(let tab) = target, tab == state.tab { return .none }
        switch state.tab {
        case .signOn where state.signOn.tab.hasUnsavedChanges:
            state.pendingNavigation = target
            // The Sign On tab asks itself (its prompt) and answers with `.close` once the admin chooses to leave.
            return sendSignOn(.leave, &state, &model)
        case .provisioning where state.provisioning.model.hasUnsavedChanges:
            state.pendingNavigation = target
            model.overlay = .confirm(ConfirmRequest(
                action: .discardProvisioningChanges(appID: state.detail.id), title: "Unsaved changes",
                message: "Provisioning has changes that are not saved. Discard them and leave?",
                buttons: ["Keep editing", "Discard changes"]
            ), DialogState(buttonCount: 2, focusedButton: 0))
            return .none
        default:
            return navigate(target, &state, &model)
        }
    }

    /// Goes to `target` with no question asked; opens Sign On and Provisioning the first time they show.
    func navigate(_ target: AppNavigation, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        state.pendingNavigation = nil
        switch target {
        case .back:
            model.replaceTop(.app(state))
            return back(&model, quitAtRoot: false)
        case .tab(let tab):
            state.tab = tab
            state.table = TableState()
            switch tab {
            case .signOn where !state.signOn.isOpened:
                state.signOn.isOpened = true
                return sendSignOn(.open, &state, &model)
            case .provisioning where !state.provisioning.isOpened:
                state.provisioning.isOpened = true
                return sendProvisioning(.appear, &state, &model)
            case .assignments:
                // Read afresh each time: a sync or the CLI may have changed who is in scope.
                state.assignments.isOpened = true
                return sendAssignments(.appear, &state, &model)
            case .pushGroups where !state.pushGroups.isOpened:
                state.pushGroups.isOpened = true
                return .batch([sendPushGroups(.appear, &state, &model), spinnerCommand(state)])
            default:
                return .none
            }
        }
    }
}
