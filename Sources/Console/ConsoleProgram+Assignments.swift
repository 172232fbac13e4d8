import Terminal
import ViewModels

/// The Assignments tab: **Assign ▾** (to People / to Groups) with its picker, the People / Groups lists,
/// and ✕ to remove an assignment. Effects run as tasks whose answers come back as `.assignments`.
extension ConsoleProgram {
    func sendAssignments(_ intent: AssignmentsViewModel.Intent, _ state: inout AppScreenState,
                         _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let before = state.assignments.rows.count
        let effects = state.assignments.model.send(intent)
        if state.assignments.rows.count != before || intent == .selectSection(.people) || intent == .selectSection(.groups) {
            state.table.rowsChanged(state.assignments.rows, visibleHeight: appTableHeight(model, state))
        }
        let runner = AssignmentsEffectRunner(store: workspace.store, appID: state.detail.id)
        let appID = state.detail.id
        var commands: [Command<ConsoleMessage>] = []
        for effect in effects {
            if effect == .sync {
                commands.append(syncAfterAssignmentChange(&state, &model))
                continue
            }
            commands.append(.task { runner.perform(effect).map { .assignments(appID: appID, $0) } })
        }
        return .batch(commands)
    }

    /// Provisions the change now, as Okta does; without a configured integration it only says what will happen.
    private func syncAfterAssignmentChange(_ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        // Read now, not from when the app was opened: Integration may have been saved since.
        let configured = (try? AppDetail.isProvisioningConfigured(appID: state.detail.id, in: workspace)) ?? false
        guard workspace.syncRunner != nil, configured else {
            return showToast(Toast("Saved. Configure API integration on the Provisioning tab to provision these people.", kind: .info), &model)
        }
        guard !state.isSyncing else { return .none }
        return startSync(&state, &model)
    }

    /// The Assignments tab's keys; nil leaves the key to the app screen (table, tabs, sync, back).
    func assignmentsKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        let tab = state.assignments
        if tab.model.pendingRemoval != nil {
            switch state.assignments.dialog.handle(key) {
            case .none: return Command.none
            case .cancelled, .pressed(0): return sendAssignments(.cancelRemoval, &state, &model)
            case .pressed: return sendAssignments(.confirmRemoval, &state, &model)
            }
        }
        if let picker = tab.model.picker { return assignmentPickerKey(key, picker, &state, &model) }
        if var menu = tab.menu {
            guard menu.handleDropDown(key) else { return Command.none }
            if menu.isOpen {
                state.assignments.menu = menu
                return Command.none
            }
            state.assignments.menu = nil
            // Esc closes the list without choosing; Enter chose `selected`.
            guard key != .escape else { return Command.none }
            state.assignments.search = TextFieldState(maxLength: 200)
            return sendAssignments(.openPicker(AssignmentsScreenState.menuOptions[menu.selected]), &state, &model)
        }
        if state.table.isEditingFilter { return nil }
        switch key {
        case .character("a"):
            var menu = ChoiceState(options: AssignmentsScreenState.menuOptions.map(\.title))
            menu.isOpen = true
            state.assignments.menu = menu
            return Command.none
        case .character("v"):
            state.table = TableState()
            return sendAssignments(.selectSection(tab.model.section == .people ? .groups : .people), &state, &model)
        case .character("x"), .delete:
            let rows = tab.rows
            guard let row = state.table.selectedRow(total: rows.count) else { return Command.none }
            state.assignments.dialog = DialogState(buttonCount: 2, focusedButton: 0)
            return sendAssignments(.remove(key: rows.key(row: row)), &state, &model)
        default:
            return nil
        }
    }

    private func assignmentPickerKey(_ key: Key, _ picker: AssignmentsViewModel.Picker, _ state: inout AppScreenState,
                                     _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch key {
        case .escape, .control("d"):
            return sendAssignments(.closePicker, &state, &model)
        case .up, .control("p"):
            return sendAssignments(.moveHighlight(by: -1), &state, &model)
        case .down, .control("n"), .tab:
            return sendAssignments(.moveHighlight(by: 1), &state, &model)
        case .enter:
            return sendAssignments(.assignHighlighted, &state, &model)
        default:
            guard state.assignments.search.handle(key) else { return .none }
            return sendAssignments(.search(state.assignments.search.text), &state, &model)
        }
    }
}
