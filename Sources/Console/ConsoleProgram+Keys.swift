import Foundation
import Terminal
import ViewModels

/// Keys, pastes and clicks, screen by screen. A screen that is taking text (a filter, the
/// catalog search, a label) gets every printable key; otherwise `?`, `:` and `q` are global.
extension ConsoleProgram {
    func handleKey(_ key: Key, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        if !isTakingText(model) {
            switch key {
            case .character("?"):
                model.overlay = .help
                return .none
            case .character(":"):
                model.overlay = .palette(TextFieldState())
                return .none
            default:
                break
            }
        }
        switch model.screen {
        case .applications: return applicationsKey(key, &model)
        case .catalog(let state): return catalogKey(key, state, &model)
        case .app(let state): return appKey(key, state, &model)
        case .directory(let state): return directoryKey(key, state, &model)
        }
    }

    func isTakingText(_ model: ConsoleModel) -> Bool {
        switch model.screen {
        case .applications: return model.appsTable.isEditingFilter
        case .catalog: return true
        case .app(let state):
            switch state.tab {
            case .signOn: return state.signOn.isTakingText
            case .provisioning: return state.provisioning.isTakingText
            case .assignments: return state.assignments.isTakingText || state.table.isEditingFilter
            case .pushGroups: return state.pushGroups.isTakingText || state.table.isEditingFilter
            default: return state.table.isEditingFilter
            }
        case .directory(let state): return (state.tab == .people ? state.peopleTable : state.groupsTable).isEditingFilter
        }
    }

    // MARK: Applications

    func applicationsKey(_ key: Key, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let rows = ApplicationTableRows(apps: model.apps)
        if model.appsTable.handle(key, rows: rows, visibleHeight: appsHeight(model)) { return .none }
        switch key {
        case .enter, .character("l"), .right:
            guard let row = model.appsTable.selectedRow(total: rows.count) else { return .none }
            return openApp(model.apps[row].id, &model)
        case .character("b"):
            openCatalog(&model)
            return .none
        case .character("d"):
            return openDirectory(&model)
        case .character("q"):
            return .quit
        default:
            return .none
        }
    }

    // MARK: Catalog

    func catalogKey(_ key: Key, _ state: CatalogScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        var state = state
        defer { if case .catalog = model.screen { model.replaceTop(.catalog(state)) } }
        if case .label = state.browser.step {
            switch key {
            case .escape:
                state.browser.back()
                state.error = nil
                return .none
            case .tab:
                state.focus.next()
                return .none
            case .backTab:
                state.focus.previous()
                return .none
            case .enter:
                if state.focus.focused == 1 {
                    state.browser.back()
                    return .none
                }
                do {
                    let id = try state.browser.done(label: state.label.text, in: workspace)
                    model.stack = [.applications]
                    reloadApps(&model)
                    let command = openApp(id, &model)
                    return .batch([command, showToast(Toast("Added “\(state.label.text.trimmingCharacters(in: .whitespaces))”.", kind: .success), &model)])
                } catch {
                    state.error = "\(error)"
                    return .none
                }
            default:
                if state.focus.focused == 0 { _ = state.label.handle(key) } else if key == .left || key == .right {
                    state.focus.focused = state.focus.focused == 1 ? 2 : 1
                }
                return .none
            }
        }
        switch key {
        case .escape:
            if !state.search.text.isEmpty {
                state.search = TextFieldState()
                state.browser.search("")
                return .none
            }
            return back(&model, quitAtRoot: false)
        case .up, .control("p"):
            state.browser.move(by: -1)
        case .down, .control("n"), .tab:
            state.browser.move(by: 1)
        case .backTab:
            state.browser.move(by: -1)
        case .enter:
            if state.browser.add(), case .label(_, let label) = state.browser.step {
                state.label = TextFieldState(text: label, maxLength: 100)
                state.focus = FocusRing(count: 3, focused: 0)
            }
        default:
            if state.search.handle(key) { state.browser.search(state.search.text) }
        }
        return .none
    }

    // MARK: App

    func appKey(_ key: Key, _ state: AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        var state = state
        defer { if case .app = model.screen { model.replaceTop(.app(state)) } }
        // A tab with a form takes its keys first (Tab moves between fields while editing).
        switch state.tab {
        case .signOn: if let command = signOnKey(key, &state, &model) { return command }
        case .provisioning: if let command = provisioningKey(key, &state, &model) { return command }
        case .assignments: if let command = assignmentsKey(key, &state, &model) { return command }
        case .pushGroups: if let command = pushGroupsKey(key, &state, &model) { return command }
        default: break
        }
        let rows: any TableRows = state.tab == .assignments ? state.assignments.rows : StringTableRows(state.detail.panel(state.tab).rows)
        if state.table.handle(key, rows: rows, visibleHeight: appTableHeight(model, state)) { return .none }
        let tabs = AppTab.allCases
        let index = tabs.firstIndex(of: state.tab) ?? 0
        switch key {
        case .tab, .right, .character("l"):
            return requestNavigation(.tab(tabs[(index + 1) % tabs.count]), &state, &model)
        case .backTab, .left, .character("h"):
            return requestNavigation(.tab(tabs[(index + tabs.count - 1) % tabs.count]), &state, &model)
        case .character(let digit) where digit.wholeNumberValue.map { (1...tabs.count).contains($0) } == true:
            return requestNavigation(.tab(tabs[(digit.wholeNumberValue ?? 1) - 1]), &state, &model)
        case .character("r"):
            if let detail = try? AppDetail.load(appID: state.detail.id, in: workspace) { state.detail = detail }
        case .character("x"):
            model.overlay = .confirm(ConfirmRequest(
                action: .deleteApp(id: state.detail.id, label: state.detail.label), title: "Delete app",
                message: "Delete “\(state.detail.label)” with its settings, assignments, links and log? The users already in the app are left there.",
                buttons: ["Cancel", "Delete"]
            ), DialogState(buttonCount: 2, focusedButton: 0))
        case .enter where state.tab == .log:
            guard let row = state.table.selectedRow(total: rows.count), state.detail.requestLog.indices.contains(row) else { return .none }
            let entry = state.detail.requestLog[row]
            model.overlay = .reader(TextReader(title: RequestLogDetail.title(entry), lines: RequestLogDetail.lines(entry)))
        case .character("s"):
            return startSync(&state, &model)
        case .character("c") where state.isSyncing:
            return stopSync(&state, &model)
        case .escape, .character("q"):
            return requestNavigation(.back, &state, &model)
        default:
            break
        }
        return .none
    }

    /// Stops the running sync after the requests in flight; each operation is journaled, so the next
    /// sync plans only what is left.
    func stopSync(_ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        guard state.isSyncing, !state.isStoppingSync else { return .none }
        state.isStoppingSync = true
        return .batch([.cancel("sync-\(state.detail.id)"), showToast(Toast("Stopping the sync after the requests in flight…", kind: .warning), &model)])
    }

    func startSync(_ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        guard !state.isSyncing else { return showToast(Toast("A sync is already running.", kind: .warning), &model) }
        guard let runner = workspace.syncRunner else {
            return showToast(Toast("Sync is not available in this console.", kind: .error), &model)
        }
        state.isSyncing = true
        state.sync = SyncProgress(done: 0, total: 0, failed: 0)
        let appID = state.detail.id
        return .stream(id: "sync-\(appID)") { sender in
            do {
                let summary = try await runner(appID) { sender.send(.syncProgress(appID: appID, $0)) }
                let outcome: Toast.Kind
                switch summary.kind {
                case .complete: outcome = .success
                case .incomplete: outcome = .error
                case .stopped, .syncingElsewhere: outcome = .warning
                }
                sender.send(.syncFinished(appID: appID, summary: summary.headline, outcome: outcome))
            } catch {
                sender.send(.syncFinished(appID: appID, summary: "Sync failed: \(error)", outcome: .error))
            }
        }
    }

    // MARK: Directory

    func directoryKey(_ key: Key, _ state: DirectoryScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        var state = state
        defer { if case .directory = model.screen { model.replaceTop(.directory(state)) } }
        let height = directoryHeight(model, state)
        switch state.tab {
        case .people:
            if let people = state.people, state.peopleTable.handle(key, rows: people, visibleHeight: height) { return .none }
        case .groups:
            if state.groupsTable.handle(key, rows: state.groups, visibleHeight: height) { return .none }
        }
        switch key {
        case .tab, .backTab, .left, .right, .character("h"), .character("l"):
            state.tab = state.tab == .people ? .groups : .people
        case .character("i"):
            model.overlay = .importPath(TextFieldState())
        case .escape, .character("q"):
            return back(&model, quitAtRoot: false)
        default:
            break
        }
        return .none
    }

    // MARK: Paste, clicks and the wheel

    func handlePaste(_ text: String, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        switch model.overlay {
        case .palette(var field):
            field.insert(line)
            model.overlay = .palette(field)
        case .importPath(var field):
            field.insert(line)
            model.overlay = .importPath(field)
        case nil:
            if case .app(var state) = model.screen {
                let command: Command<ConsoleMessage>
                switch state.tab {
                case .signOn: command = pasteIntoSignOn(line, &state, &model)
                case .provisioning: command = provisioningPaste(line, &state, &model)
                case .pushGroups: command = pasteIntoPushGroups(line, &state, &model)
                case .assignments where state.assignments.model.picker != nil:
                    state.assignments.search.insert(line)
                    command = sendAssignments(.search(state.assignments.search.text), &state, &model)
                default: command = .none
                }
                if case .app = model.screen { model.replaceTop(.app(state)) }
                return command
            }
            guard case .catalog(var state) = model.screen else { return .none }
            if case .label = state.browser.step { state.label.insert(line) } else {
                state.search.insert(line)
                state.browser.search(state.search.text)
            }
            model.replaceTop(.catalog(state))
        default:
            break
        }
        return .none
    }

    func handleClick(_ point: Point, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        guard model.overlay == nil else { return .none }
        switch model.screen {
        case .applications:
            let area = ConsoleGeometry.applicationsTable(model.size)
            let total = model.apps.count
            if let position = TableView.position(at: point, in: area, state: model.appsTable, total: total) {
                model.appsTable.select(position, total: total, visibleHeight: appsHeight(model))
            }
        case .app(var state):
            let bar = TabBar(titles: AppTab.allCases.map(\.title), selected: 0)
            let tabs = ConsoleGeometry.tabbed(model.size).tabs
            if point.y == tabs.y, let index = bar.index(atColumn: point.x, in: tabs) {
                let command = requestNavigation(.tab(AppTab.allCases[index]), &state, &model)
                if case .app = model.screen { model.replaceTop(.app(state)) }
                return command
            }
            if state.tab == .provisioning, let command = provisioningClick(point, &state, &model) {
                model.replaceTop(.app(state))
                return command
            }
        case .directory(let state):
            directoryClick(point, state, &model)
        case .catalog:
            break
        }
        return .none
    }

    func handleScroll(_ lines: Int, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        guard model.overlay == nil, case .directory(let state) = model.screen else { return .none }
        directoryScroll(by: lines, state, &model)
        return .none
    }
}
