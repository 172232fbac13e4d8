import Provisioning
import Terminal
import ViewModels

/// The Push Groups tab: + Push Groups (by name, by rule), Push Now and Unlink pushed group. Keys become
/// intents; effects run as tasks whose answers come back as `.pushGroups`, and `.runSync` starts the
/// app's sync, so a saved group goes Pushing → Active on screen.
extension ConsoleProgram {
    func sendPushGroups(_ intent: PushGroupsViewModel.Intent, _ state: inout AppScreenState,
                        _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let effects = state.pushGroups.model.send(intent)
        state.pushGroups.followViewModel()
        if case .groupPushed(_, true, _) = intent { state.pushGroups.findFocus = .search }
        switch intent {
        case .createRule, .ruleRefused: focusFirstRuleProblem(&state.pushGroups)
        default: break
        }
        state.table.rowsChanged(PushGroupTableRows(state.pushGroups.model.rows), visibleHeight: pushGroupsTableHeight(model, state))
        return runPushGroups(effects, &state, &model)
    }

    func runPushGroups(_ effects: [PushGroupsViewModel.Effect], _ state: inout AppScreenState,
                       _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        guard !effects.isEmpty else { return .none }
        let appID = state.detail.id
        let runner: PushGroupsEffectRunner
        do {
            runner = try workspace.pushGroupsRunner(appID: appID)
        } catch {
            return showToast(Toast("\(error)", kind: .error), &model)
        }
        var commands: [Command<ConsoleMessage>] = []
        for effect in effects {
            switch effect {
            case .runSync:
                commands.append(syncForPush(&state, &model))
            case .findGroups:
                // Each keystroke replaces the search before it; the view model drops stale answers anyway.
                commands.append(.task(id: "push-search-\(appID)") { runner.perform(effect).map { .pushGroups(appID: appID, $0) } })
            default:
                commands.append(.task { runner.perform(effect).map { .pushGroups(appID: appID, $0) } })
            }
        }
        return .batch(commands)
    }

    /// A sync for what the tab just stored; while one runs, another follows it so nothing waits unsent.
    private func syncForPush(_ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        if state.isSyncing {
            state.pushGroups.syncAgain = true
            return .none
        }
        return startSync(&state, &model)
    }

    func pushGroupsTableHeight(_ model: ConsoleModel, _ state: AppScreenState) -> Int {
        let panel = ConsoleGeometry.appPanel(model.size, syncing: state.isSyncing || state.sync != nil)
        let area = PushGroupsView.layout(panel, ruleCount: state.pushGroups.model.snapshot.rules.count).table
        return TableView.bodyHeight(in: area, state: state.table)
    }

    /// The Push Groups tab's keys; nil leaves the key to the app screen (tabs, sync, back).
    /// A menu, form or dialog takes every key while it is open.
    func pushGroupsKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        switch state.pushGroups.model.panel {
        case .addMenu(let highlighted):
            return menuKey(key, highlighted: highlighted, shortcuts: ["n": 0, "r": 1], &state, &model) { index in
                .chooseAddOption(PushGroupsViewModel.AddOption.allCases[index])
            }
        case .statusMenu(_, let highlighted):
            return menuKey(key, highlighted: highlighted, shortcuts: ["p": 0, "u": 1], &state, &model) { index in
                .chooseStatusAction(PushGroupsViewModel.StatusAction.allCases[index])
            }
        case .findByName:
            return findByNameKey(key, &state, &model)
        case .findByRule:
            return ruleFormKey(key, &state, &model)
        case .unlink:
            return unlinkKey(key, &state, &model)
        case .ruleMenu(let highlighted):
            return menuKey(key, highlighted: highlighted, shortcuts: [:], &state, &model) { _ in .chooseRule }
        case .confirmRuleRemoval:
            switch state.pushGroups.ruleRemovalButtons.handle(key) {
            case .none: return Command<ConsoleMessage>.none
            case .cancelled, .pressed(0): return sendPushGroups(.closePanel, &state, &model)
            case .pressed: return sendPushGroups(.confirmRuleRemoval, &state, &model)
            }
        case nil:
            break
        }
        let rows = PushGroupTableRows(state.pushGroups.model.rows)
        // `Command.none` spelled out: a bare `.none` here is the optional's nil, which hands the key on.
        if state.table.handle(key, rows: rows, visibleHeight: pushGroupsTableHeight(model, state)) { return Command<ConsoleMessage>.none }
        switch key {
        case .character("+"), .character("a"):
            return sendPushGroups(.openAddMenu, &state, &model)
        case .character("d"):
            state.pushGroups.ruleRemovalButtons = DialogState(buttonCount: 2, focusedButton: 0)
            return sendPushGroups(.openRuleMenu, &state, &model)
        case .enter:
            guard let row = state.table.selectedRow(total: rows.count) else { return Command<ConsoleMessage>.none }
            return sendPushGroups(.openStatusMenu(groupID: rows.rows[row].groupID), &state, &model)
        case .character("r"):
            if let detail = try? AppDetail.load(appID: state.detail.id, in: workspace) { state.detail = detail }
            return sendPushGroups(.refresh, &state, &model)
        default:
            return nil
        }
    }

    /// ↑↓ (j k) move, ⏎ chooses, a shortcut letter chooses at once, Esc closes.
    private func menuKey(_ key: Key, highlighted: Int, shortcuts: [Character: Int], _ state: inout AppScreenState,
                         _ model: inout ConsoleModel, choose: (Int) -> PushGroupsViewModel.Intent) -> Command<ConsoleMessage> {
        switch key {
        case .up, .character("k"), .backTab: return sendPushGroups(.moveHighlight(-1), &state, &model)
        case .down, .character("j"), .tab: return sendPushGroups(.moveHighlight(1), &state, &model)
        case .enter: return sendPushGroups(choose(highlighted), &state, &model)
        case .escape, .character("q"): return sendPushGroups(.closePanel, &state, &model)
        case .character(let letter):
            guard let index = shortcuts[letter] else { return .none }
            return sendPushGroups(choose(index), &state, &model)
        default: return .none
        }
    }

    // MARK: Find groups by name

    private func findByNameKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        typealias Control = PushGroupsScreenState.FindControl
        let controls = Control.allCases
        let focus = state.pushGroups.findFocus
        switch key {
        case .escape:
            return sendPushGroups(.closePanel, &state, &model)
        case .tab:
            state.pushGroups.findFocus = focus.moved(by: 1)
            return .none
        case .backTab:
            state.pushGroups.findFocus = focus.moved(by: -1)
            return .none
        case .control("s"):
            return sendPushGroups(.save(addAnother: false), &state, &model)
        default:
            break
        }
        switch focus {
        case .search:
            switch key {
            case .up, .control("p"): return sendPushGroups(.moveHighlight(-1), &state, &model)
            case .down, .control("n"): return sendPushGroups(.moveHighlight(1), &state, &model)
            case .enter:
                let command = sendPushGroups(.pickGroup, &state, &model)
                // Picked: the focus goes to Save, the guide's next click (← reaches Save & Add Another).
                if case .findByName(let find) = state.pushGroups.model.panel, find.chosen != nil { state.pushGroups.findFocus = .save }
                return command
            default:
                guard state.pushGroups.search.handle(key) else { return .none }
                return sendPushGroups(.searchGroups(state.pushGroups.search.text), &state, &model)
            }
        case .cancel, .saveAndAddAnother, .save:
            switch key {
            case .left, .character("h"):
                state.pushGroups.findFocus = focus == .cancel ? .save : controls[focus.rawValue - 1]
                return .none
            case .right, .character("l"):
                state.pushGroups.findFocus = focus == .save ? .cancel : controls[focus.rawValue + 1]
                return .none
            case _ where Button.presses(on: key):
                switch focus {
                case .cancel: return sendPushGroups(.closePanel, &state, &model)
                case .saveAndAddAnother: return sendPushGroups(.save(addAnother: true), &state, &model)
                default: return sendPushGroups(.save(addAnother: false), &state, &model)
                }
            default:
                return .none
            }
        }
    }

    // MARK: Find groups by rule

    private func ruleFormKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        typealias Control = PushGroupsScreenState.RuleControl
        let controls = Control.allCases
        let focus = state.pushGroups.ruleFocus
        switch key {
        case .escape:
            return sendPushGroups(.closePanel, &state, &model)
        case .tab, .down:
            state.pushGroups.ruleFocus = focus.moved(by: 1)
            return .none
        case .backTab, .up:
            state.pushGroups.ruleFocus = focus.moved(by: -1)
            return .none
        case .control("s"):
            return sendPushGroups(.createRule, &state, &model)
        default:
            break
        }
        switch focus {
        case .ruleName, .nameValue, .descriptionValue:
            guard let field = focus.field else { return .none }
            if key == .enter {
                state.pushGroups.ruleFocus = controls[focus.rawValue + 1]
                return .none
            }
            var text = state.pushGroups.ruleFields[field] ?? TextFieldState(maxLength: 200)
            guard text.handle(key) else { return .none }
            state.pushGroups.ruleFields[field] = text
            return sendPushGroups(.setRuleText(field, text.text), &state, &model)
        case .nameOperator, .descriptionOperator:
            guard let field = focus.field, let step = Self.choiceStep(key) ?? (key == .enter ? 1 : nil),
                  case .findByRule(let form) = state.pushGroups.model.panel, let current = form.op(of: field) else { return .none }
            let ops = PushGroupRule.Operator.allCases
            let index = ops.firstIndex(of: current) ?? 0
            return sendPushGroups(.chooseOperator(field, ops[(index + step + ops.count) % ops.count]), &state, &model)
        case .cancel:
            if key == .right || key == .character("l") { state.pushGroups.ruleFocus = .createRule }
            return Button.presses(on: key) ? sendPushGroups(.closePanel, &state, &model) : .none
        case .createRule:
            if key == .left || key == .character("h") { state.pushGroups.ruleFocus = .cancel }
            return Button.presses(on: key) ? sendPushGroups(.createRule, &state, &model) : .none
        }
    }

    private func focusFirstRuleProblem(_ screen: inout PushGroupsScreenState) {
        guard case .findByRule(let form) = screen.model.panel else { return }
        let order: [(PushRuleDraft.Field, PushGroupsScreenState.RuleControl)] = [(.ruleName, .ruleName), (.groupName, .nameValue),
                                                                                (.groupDescription, .descriptionValue)]
        if let first = order.first(where: { form.problems[$0.0] != nil }) { screen.ruleFocus = first.1 }
    }

    /// Pasted text goes into the search or the rule field that has the focus (a group name copied from AD).
    func pasteIntoPushGroups(_ text: String, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch state.pushGroups.model.panel {
        case .findByName where state.pushGroups.findFocus == .search:
            state.pushGroups.search.insert(text)
            return sendPushGroups(.searchGroups(state.pushGroups.search.text), &state, &model)
        case .findByRule:
            guard state.pushGroups.ruleFocus.isText, let field = state.pushGroups.ruleFocus.field else { return .none }
            var typed = state.pushGroups.ruleFields[field] ?? TextFieldState(maxLength: 200)
            typed.insert(text)
            state.pushGroups.ruleFields[field] = typed
            return sendPushGroups(.setRuleText(field, typed.text), &state, &model)
        default:
            return .none
        }
    }

    // MARK: Unlink pushed group

    private func unlinkKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch key {
        case .up, .character("k"): return sendPushGroups(.chooseUnlinkDelete(true), &state, &model)
        case .down, .character("j"): return sendPushGroups(.chooseUnlinkDelete(false), &state, &model)
        case .character(" "):
            guard case .unlink(let choice) = state.pushGroups.model.panel else { return .none }
            return sendPushGroups(.chooseUnlinkDelete(!choice.deleteInTarget), &state, &model)
        default:
            break
        }
        switch state.pushGroups.unlinkButtons.handle(key) {
        case .none: return .none
        case .cancelled, .pressed(0): return sendPushGroups(.closePanel, &state, &model)
        case .pressed: return sendPushGroups(.confirmUnlink, &state, &model)
        }
    }
}

extension ConsoleProgram {
    /// After a sync of the app: the tab reads the new statuses (Pushing → Active), and a push saved
    /// while that sync ran gets a sync of its own.
    func pushGroupsAfterSync(_ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        guard state.pushGroups.isOpened else { return .none }
        let refresh = sendPushGroups(.refresh, &state, &model)
        guard state.pushGroups.syncAgain else { return refresh }
        state.pushGroups.syncAgain = false
        return .batch([refresh, startSync(&state, &model)])
    }
}
