import Foundation
import Terminal
import ViewModels

/// The Provisioning tab: keys to intents, and its effects run as tasks whose answers come back as `.provisioning`.
extension ConsoleProgram {
    func sendProvisioning(_ intent: ProvisioningTabViewModel.Intent, _ state: inout AppScreenState,
                          _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let effects = state.provisioning.send(intent)
        askToSaveUnverified(state, &model)
        if case .mappings(.peopleFound) = intent, state.provisioning.picksPersonWhenFound, state.provisioning.isPickingPerson,
           state.provisioning.model.mappings.peopleAreCurrent, let first = state.provisioning.model.mappings.people.first {
            state.provisioning.picksPersonWhenFound = false
            state.provisioning.isPickingPerson = false
            return sendProvisioning(.mappings(.pickPerson(login: first.login)), &state, &model)
        }
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

    /// **Save** with credentials not verified since they changed: the view model asks, the console shows the question.
    private func askToSaveUnverified(_ state: AppScreenState, _ model: inout ConsoleModel) {
        guard model.overlay == nil, let question = state.provisioning.model.integration.confirmationText else { return }
        model.overlay = .confirm(ConfirmRequest(
            action: .saveUnverifiedIntegration(appID: state.detail.id), title: "Save anyway?", message: question,
            buttons: ["Back", "Save anyway"]
        ), DialogState(buttonCount: 2, focusedButton: 0))
    }

    /// The Provisioning tab's keys; nil leaves the key to the app screen (tabs, sync, back).
    func provisioningKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        let screen = state.provisioning
        if screen.isPickingPerson { return pickerKey(key, &state, &model) }
        switch screen.model.section {
        case .integration:
            if screen.isEditingIntegration { return integrationFormKey(key, &state, &model) }
            if screen.model.integration.phase == .summary, key == .enter || key == .character("e") || key == .character(" ") {
                return sendProvisioning(.integration(.configure), &state, &model)
            }
        case .toApp:
            if screen.isEditingDraft { return draftKey(key, &state, &model) }
            if screen.isEditingToApp { return toAppFormKey(key, &state, &model) }
            if let command = mappingsKey(key, &state, &model) { return command }
        }
        switch key {
        case .character("t"): return sendProvisioning(.selectSection(.toApp), &state, &model)
        case .character("i"): return sendProvisioning(.selectSection(.integration), &state, &model)
        default: return passedOn(key)
        }
    }

    /// The app screen's own keys (tabs, sync, delete, reload, back) go on to it; any other key stops
    /// here, so the empty table the app screen keeps for this tab never starts a hidden filter.
    private func passedOn(_ key: Key) -> Command<ConsoleMessage>? {
        switch key {
        case .tab, .backTab, .left, .right, .escape, .character("h"), .character("l"), .character("q"), .character("s"),
             .character("c"), .character("x"), .character("r"):
            return nil
        case .character(let digit) where digit.isNumber:
            return nil
        default:
            return Command<ConsoleMessage>.none
        }
    }

    // MARK: Integration

    private func integrationFormKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        switch key {
        case .control("s"): return sendProvisioning(.integration(.save), &state, &model)
        case .control("t"): return sendProvisioning(.integration(.testCredentials), &state, &model)
        case .escape: return sendProvisioning(.integration(.cancel), &state, &model)
        case .tab, .down:
            state.provisioning.integrationFocus.next()
            return Command.none
        case .backTab, .up:
            state.provisioning.integrationFocus.previous()
            return Command.none
        default:
            break
        }
        let control = state.provisioning.integrationControl
        switch control {
        case .enable:
            guard Checkbox.toggles(on: key) else { return passedOn(key) }
            return sendProvisioning(.integration(.setAPIIntegration(!state.provisioning.model.integration.apiIntegrationEnabled)), &state, &model)
        case .baseURL:
            if key == .enter {
                state.provisioning.integrationFocus.next()
                return Command.none
            }
            guard state.provisioning.baseURL.handle(key) else { return Command.none }
            return sendProvisioning(.integration(.editBaseURL(state.provisioning.baseURL.text)), &state, &model)
        case .token:
            // The token's characters go straight to the view model's `SecretInput`; no field holds them.
            switch key {
            case .character(let character): return sendProvisioning(.integration(.typeToken(String(character))), &state, &model)
            case .backspace, .control("h"): return sendProvisioning(.integration(.deleteTokenCharacter), &state, &model)
            case .control("u"): return sendProvisioning(.integration(.clearToken), &state, &model)
            case .enter:
                state.provisioning.integrationFocus.next()
                return Command.none
            default: return Command.none
            }
        case .tokenFile:
            if key == .enter {
                let path = (state.provisioning.tokenFile.text.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath
                guard !path.isEmpty else { return Command.none }
                state.provisioning.integrationFocus.focused = IntegrationControl.test.rawValue
                return sendProvisioning(.integration(.readTokenFile(path: path)), &state, &model)
            }
            _ = state.provisioning.tokenFile.handle(key)
            return Command.none
        case .test, .save, .cancel:
            if Button.presses(on: key) {
                let intent: IntegrationViewModel.Intent = control == .test ? .testCredentials : control == .save ? .save : .cancel
                return sendProvisioning(.integration(intent), &state, &model)
            }
            if key == .left || key == .right {
                let buttons = [IntegrationControl.test, .save, .cancel]
                let index = buttons.firstIndex(of: control) ?? 0
                let next = (index + (key == .right ? 1 : buttons.count - 1)) % buttons.count
                state.provisioning.integrationFocus.focused = buttons[next].rawValue
                return Command.none
            }
            return passedOn(key)
        }
    }

    // MARK: To App

    private func toAppFormKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        switch key {
        case .control("s"): return sendProvisioning(.toApp(.save), &state, &model)
        case .escape: return sendProvisioning(.toApp(.cancel), &state, &model)
        case .tab, .down:
            state.provisioning.toAppFocus.next()
            return Command.none
        case .backTab, .up:
            state.provisioning.toAppFocus.previous()
            return Command.none
        default:
            break
        }
        let control = state.provisioning.toAppControl
        switch control {
        case .createUsers, .updateUserAttributes, .deactivateUsers:
            guard Checkbox.toggles(on: key) else { return passedOn(key) }
            let option = ToAppOption.allCases[control.rawValue]
            return sendProvisioning(.toApp(.toggle(option)), &state, &model)
        case .save, .cancel:
            if Button.presses(on: key) { return sendProvisioning(.toApp(control == .save ? .save : .cancel), &state, &model) }
            if key == .left || key == .right {
                state.provisioning.toAppFocus.focused = (control == .save ? ToAppControl.cancel : .save).rawValue
                return Command.none
            }
            return passedOn(key)
        }
    }

    /// To App while no form is open: the mappings list, or the unmapped attributes when shown.
    private func mappingsKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        let mappings = state.provisioning.model.mappings
        switch key {
        case .character("e"): return sendProvisioning(.toApp(.edit), &state, &model)
        case .character("u"):
            state.provisioning.unmappedTable = TableState()
            return sendProvisioning(.mappings(.toggleUnmapped), &state, &model)
        case .character("p"):
            state.provisioning.isPickingPerson = true
            state.provisioning.personSearch.text = mappings.peopleFilter
            let chosen = mappings.people.firstIndex { $0.login == mappings.previewPerson?.login } ?? 0
            state.provisioning.personTable = TableState()
            state.provisioning.personTable.select(chosen, total: mappings.people.count, visibleHeight: 7)
            return Command.none
        default:
            break
        }
        if mappings.isShowingUnmapped {
            let rows = UnmappedTableRows(attributes: mappings.unmappedAttributes)
            switch key {
            case .escape: return sendProvisioning(.mappings(.toggleUnmapped), &state, &model)
            case .enter:
                guard let row = state.provisioning.unmappedTable.selectedRow(total: rows.count) else { return Command.none }
                // The list closes so the new mapping shows in the table once saved.
                let command = sendProvisioning(.mappings(.mapAttribute(rows.attributes[row].attribute)), &state, &model)
                return .batch([command, sendProvisioning(.mappings(.toggleUnmapped), &state, &model)])
            default:
                let height = unmappedListHeight(model, state)
                if Self.isListMove(key), state.provisioning.unmappedTable.handle(key, rows: rows, visibleHeight: height) { return Command.none }
                return nil
            }
        }
        let page = max(1, mappingsListHeight(model, state) - 1)
        switch key {
        case .up, .character("k"): return sendProvisioning(.mappings(.moveSelection(by: -1)), &state, &model)
        case .down, .character("j"): return sendProvisioning(.mappings(.moveSelection(by: 1)), &state, &model)
        case .pageUp: return sendProvisioning(.mappings(.moveSelection(by: -page)), &state, &model)
        case .pageDown: return sendProvisioning(.mappings(.moveSelection(by: page)), &state, &model)
        case .home, .character("g"): return sendProvisioning(.mappings(.select(0)), &state, &model)
        case .end, .character("G"): return sendProvisioning(.mappings(.select(max(0, mappings.rows.count - 1))), &state, &model)
        case .enter: return sendProvisioning(.mappings(.editSelected), &state, &model)
        case .character("o"):
            // Apply on changes through the editor: it opens with the choice flipped, Save one key away.
            var command = sendProvisioning(.mappings(.editSelected), &state, &model)
            if state.provisioning.isEditingDraft {
                command = .batch([command, sendProvisioning(.mappings(.toggleApplyOn), &state, &model)])
                state.provisioning.draftFocus.focused = DraftControl.save.rawValue
            }
            return command
        case .character("x"):
            guard let row = mappings.selectedRow else { return Command.none }
            guard row.isEditable else { return sendProvisioning(.mappings(.removeSelected), &state, &model) }
            model.overlay = .confirm(ConfirmRequest(
                action: .removeMapping(appID: state.detail.id, attribute: row.attribute), title: "Remove mapping",
                message: "Stop sending \(row.attribute) to \(state.detail.label)? The mapping from \(row.expression) is removed; users already in the app keep their value.",
                buttons: ["Cancel", "Remove"]
            ), DialogState(buttonCount: 2, focusedButton: 0))
            return Command.none
        default:
            return nil
        }
    }

    private static func isListMove(_ key: Key) -> Bool {
        switch key {
        case .up, .down, .pageUp, .pageDown, .home, .end, .character("j"), .character("k"), .character("g"), .character("G"): return true
        default: return false
        }
    }

    /// The expression editor: typed keys edit, ⏎ or Ctrl-S saves, Esc drops the edit. Nothing else
    /// leaves it, so a half-typed expression is never lost to a stray key.
    private func draftKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch key {
        case .escape: return sendProvisioning(.mappings(.cancelDraft), &state, &model)
        case .control("s"): return sendProvisioning(.mappings(.saveDraft), &state, &model)
        case .control("o"): return sendProvisioning(.mappings(.toggleApplyOn), &state, &model)
        case .tab, .down:
            state.provisioning.draftFocus.next()
            return .none
        case .backTab, .up:
            state.provisioning.draftFocus.previous()
            return .none
        default:
            break
        }
        switch state.provisioning.draftControl {
        case .expression:
            if key == .enter { return sendProvisioning(.mappings(.saveDraft), &state, &model) }
            let before = state.provisioning.expression.text
            guard state.provisioning.expression.handle(key), state.provisioning.expression.text != before else { return .none }
            return sendProvisioning(.mappings(.editExpression(state.provisioning.expression.text)), &state, &model)
        case .applyOn:
            guard Checkbox.toggles(on: key) || key == .left || key == .right else { return .none }
            return sendProvisioning(.mappings(.toggleApplyOn), &state, &model)
        case .save, .cancel:
            let control = state.provisioning.draftControl
            if Button.presses(on: key) { return sendProvisioning(.mappings(control == .save ? .saveDraft : .cancelDraft), &state, &model) }
            if key == .left || key == .right {
                state.provisioning.draftFocus.focused = (control == .save ? DraftControl.cancel : .save).rawValue
            }
            return .none
        }
    }

    // MARK: Preview person

    private func pickerKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let people = state.provisioning.model.mappings.people
        let rows = PreviewPersonRows(people: people)
        switch key {
        case .escape:
            state.provisioning.isPickingPerson = false
            return .none
        case .enter:
            // The list may still answer an earlier keystroke: pick from the answer to what was typed, when it comes.
            guard state.provisioning.model.mappings.peopleAreCurrent else {
                state.provisioning.picksPersonWhenFound = true
                return .none
            }
            guard let row = state.provisioning.personTable.selectedRow(total: rows.count) else { return .none }
            state.provisioning.isPickingPerson = false
            return sendProvisioning(.mappings(.pickPerson(login: people[row].login)), &state, &model)
        case .up, .down, .pageUp, .pageDown:
            _ = state.provisioning.personTable.handle(key, rows: rows, visibleHeight: 6)
            return .none
        default:
            let before = state.provisioning.personSearch.text
            guard state.provisioning.personSearch.handle(key), state.provisioning.personSearch.text != before else { return .none }
            state.provisioning.personTable = TableState()
            state.provisioning.picksPersonWhenFound = false
            return sendProvisioning(.mappings(.searchPeople(state.provisioning.personSearch.text)), &state, &model)
        }
    }

    // MARK: Paste, clicks, confirmations

    /// A paste lands in the focused field; into the API Token it goes to the view model alone.
    func provisioningPaste(_ line: String, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let screen = state.provisioning
        if screen.isPickingPerson {
            state.provisioning.personSearch.insert(line)
            return sendProvisioning(.mappings(.searchPeople(state.provisioning.personSearch.text)), &state, &model)
        }
        switch screen.model.section {
        case .integration where screen.isEditingIntegration:
            switch screen.integrationControl {
            case .baseURL:
                state.provisioning.baseURL.insert(line)
                return sendProvisioning(.integration(.editBaseURL(state.provisioning.baseURL.text)), &state, &model)
            case .token:
                return sendProvisioning(.integration(.typeToken(line)), &state, &model)
            case .tokenFile:
                state.provisioning.tokenFile.insert(line)
            default:
                break
            }
        case .toApp where screen.isEditingDraft && screen.draftControl == .expression:
            state.provisioning.expression.insert(line)
            return sendProvisioning(.mappings(.editExpression(state.provisioning.expression.text)), &state, &model)
        default:
            break
        }
        return .none
    }

    /// A click on the sub-menu opens that section (each keeps its own edits).
    func provisioningClick(_ point: Point, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        let panel = ConsoleGeometry.appPanel(model.size, syncing: state.isSyncing || state.sync != nil)
        guard let section = ProvisioningView.section(at: point, in: panel) else { return nil }
        return sendProvisioning(.selectSection(section), &state, &model)
    }

    /// The answer to a question this tab asked through the confirm overlay.
    func answerProvisioning(_ action: ConfirmRequest.Action, confirmed: Bool, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch action {
        case .saveUnverifiedIntegration(let appID):
            return withApp(appID, &model) { state, model in
                sendProvisioning(.integration(confirmed ? .confirmSaveUnverified : .dismissConfirmation), &state, &model)
            }
        case .removeMapping(let appID, let attribute):
            guard confirmed else { return .none }
            return withApp(appID, &model) { state, model in
                // The selection cannot move while the question is up; check anyway before removing.
                guard state.provisioning.model.mappings.selectedRow?.attribute == attribute else { return .none }
                return sendProvisioning(.mappings(.removeSelected), &state, &model)
            }
        default:
            return .none
        }
    }

    // MARK: Geometry for paging

    private func toAppContent(_ model: ConsoleModel, _ state: AppScreenState) -> Rect {
        ProvisioningView.content(in: ConsoleGeometry.appPanel(model.size, syncing: state.isSyncing || state.sync != nil))
    }

    private func mappingsListHeight(_ model: ConsoleModel, _ state: AppScreenState) -> Int {
        ProvisioningToAppView.listArea(in: toAppContent(model, state), state: state.provisioning).height - 1
    }

    private func unmappedListHeight(_ model: ConsoleModel, _ state: AppScreenState) -> Int {
        ProvisioningToAppView.listArea(in: toAppContent(model, state), state: state.provisioning).height - 2
    }
}
