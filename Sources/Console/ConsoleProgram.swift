import Terminal
import ViewModels

/// The console: the Applications list, the catalog, an app on its tabs and the Directory,
/// as one Elm-shaped program with a screen stack. Store reads are small local queries and run
/// in `update`; the directory load (100,000 people) and syncs run as tasks.
struct ConsoleProgram: Program {
    typealias Model = ConsoleModel
    typealias Message = ConsoleMessage

    let workspace: Workspace
    /// Offer the demo when the store is empty (the run script's launch).
    var offersDemo = true

    func start(size: TerminalSize) -> (ConsoleModel, Command<ConsoleMessage>) {
        var model = ConsoleModel(size: size)
        reloadApps(&model)
        if offersDemo, workspace.demoMaker != nil, (try? workspace.isEmpty()) == true {
            model.overlay = .confirm(ConfirmRequest(
                action: .createDemo, title: "Demo workspace",
                message: "The store is empty. Create a demo workspace? 50 sample people, and “Axiad Cloud (demo)” provisioning to the scim2-server the run script started on loopback.",
                buttons: ["Not now", "Create demo"]
            ), DialogState(buttonCount: 2, focusedButton: 1))
        }
        return (model, .none)
    }

    func message(for event: InputEvent, model: ConsoleModel) -> ConsoleMessage? {
        switch event {
        case .key(let key): return .key(key)
        case .paste(let text): return .paste(text)
        case .resize(let size): return .resize(size)
        case .mouse(let mouse):
            switch mouse.kind {
            case .leftPress: return .click(mouse.position)
            case .wheelUp: return .scroll(lines: -Self.wheelStep)
            case .wheelDown: return .scroll(lines: Self.wheelStep)
            case .leftRelease, .rightPress: return nil
            }
        }
    }

    func update(_ model: inout ConsoleModel, _ message: ConsoleMessage) -> Command<ConsoleMessage> {
        switch message {
        case .resize(let size):
            model.size = size
            return .none
        case .key(let key):
            if model.overlay != nil { return handleOverlay(key, &model) }
            return handleKey(key, &model)
        case .paste(let text):
            return handlePaste(text, &model)
        case .click(let point):
            return handleClick(point, &model)
        case .scroll(let lines):
            return handleScroll(lines, &model)
        case .directoryLoaded(let listing, let people):
            guard case .directory(var state) = model.screen else { return .none }
            state.people = people
            state.groups = StringTableRows(listing.groups)
            state.isLoading = false
            state.peopleTable.rowsChanged(people, visibleHeight: directoryHeight(model, state))
            state.groupsTable.rowsChanged(state.groups, visibleHeight: directoryHeight(model, state))
            model.replaceTop(.directory(state))
            return .none
        case .workFailed(let reason):
            return showToast(Toast(reason, kind: .error), &model)
        case .imported(let ok, let message):
            let toast = showToast(Toast(message, kind: ok ? .success : .error), &model)
            guard ok, case .directory = model.screen else { return toast }
            return .batch([toast, openDirectory(&model)])
        case .demoCreated(let summary):
            reloadApps(&model)
            return showToast(Toast(summary, kind: .success), &model)
        case .syncProgress(let appID, let progress):
            guard case .app(var state) = model.screen, state.detail.id == appID else { return .none }
            state.sync = progress
            model.replaceTop(.app(state))
            return .none
        case .syncFinished(let appID, let summary, let outcome):
            reloadApps(&model)
            var followUp = Command<ConsoleMessage>.none
            if case .app(var state) = model.screen, state.detail.id == appID {
                state.isSyncing = false
                state.isStoppingSync = false
                if let detail = try? AppDetail.load(appID: appID, in: workspace) { state.detail = detail }
                followUp = pushGroupsAfterSync(&state, &model)
                // Who is provisioned changed: the Assignments statuses are read again.
                if state.assignments.isOpened { followUp = .batch([followUp, sendAssignments(.appear, &state, &model)]) }
                model.replaceTop(.app(state))
            }
            return .batch([followUp, showToast(Toast(summary, kind: outcome), &model)])
        case .toastExpired:
            model.toast = nil
            return .none
        case .signOn(let appID, let intent):
            return withApp(appID, &model) { state, model in sendSignOn(intent, &state, &model) }
        case .provisioning(let appID, let intent):
            return withApp(appID, &model) { state, model in sendProvisioning(intent, &state, &model) }
        case .assignments(let appID, let intent):
            return withApp(appID, &model) { state, model in sendAssignments(intent, &state, &model) }
        case .pushGroups(let appID, let intent):
            return withApp(appID, &model) { state, model in sendPushGroups(intent, &state, &model) }
        case .spinnerTick:
            model.spinnerFrame += 1
            guard case .app(let state) = model.screen else { return .none }
            return spinnerCommand(state)
        }
    }

    func view(_ model: ConsoleModel, frame: inout Frame, theme: Theme) {
        ConsoleView(model: model, location: workspace.location).render(frame: &frame, theme: theme)
    }

    // MARK: Shared steps

    /// Runs `change` on the app screen for `appID` when it is the one showing; answers for an app
    /// the admin has left are dropped (its tabs are read afresh when it is opened again).
    func withApp(_ appID: Int64, _ model: inout ConsoleModel,
                 _ change: (inout AppScreenState, inout ConsoleModel) -> Command<ConsoleMessage>) -> Command<ConsoleMessage> {
        guard case .app(var state) = model.screen, state.detail.id == appID else { return .none }
        let command = change(&state, &model)
        if case .app = model.screen { model.replaceTop(.app(state)) }
        return command
    }

    /// Ticks the spinner again while anything shown is still running.
    func spinnerCommand(_ state: AppScreenState) -> Command<ConsoleMessage> {
        guard state.signOn.isBusy || state.provisioning.isBusy || state.pushGroups.model.isBusy else { return .none }
        return .after(.milliseconds(120), id: "spinner") { .spinnerTick }
    }

    func reloadApps(_ model: inout ConsoleModel) {
        do {
            model.apps = try ApplicationsList.load(workspace)
        } catch {
            model.toast = Toast("Could not read the apps: \(error)", kind: .error)
        }
        model.appsTable.rowsChanged(ApplicationTableRows(apps: model.apps), visibleHeight: appsHeight(model))
    }

    func showToast(_ toast: Toast, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        model.toast = toast
        return .after(.seconds(toast.kind == .error ? 8 : 5), id: "toast") { .toastExpired }
    }

    func appsHeight(_ model: ConsoleModel) -> Int {
        TableView.bodyHeight(in: ConsoleGeometry.applicationsTable(model.size), state: model.appsTable)
    }

    func directoryHeight(_ model: ConsoleModel, _ state: DirectoryScreenState) -> Int {
        TableView.bodyHeight(in: ConsoleGeometry.directoryTable(model.size), state: state.table)
    }

    func appTableHeight(_ model: ConsoleModel, _ state: AppScreenState) -> Int {
        if state.tab == .assignments {
            let area = ConsoleGeometry.assignmentsTable(in: ConsoleGeometry.appPanel(model.size, syncing: state.isSyncing || state.sync != nil))
            return TableView.bodyHeight(in: area, state: state.table)
        }
        let panel = state.detail.panel(state.tab)
        let area = ConsoleGeometry.appPanelTable(model.size, fieldCount: panel.fields.count, hasNote: panel.note != nil, syncing: state.isSyncing || state.sync != nil)
        return TableView.bodyHeight(in: area, state: state.table)
    }

    /// Opens an app on its General tab.
    func openApp(_ id: Int64, _ model: inout ConsoleModel, replacing: Bool = false) -> Command<ConsoleMessage> {
        do {
            let detail = try AppDetail.load(appID: id, in: workspace)
            if replacing { model.replaceTop(.app(AppScreenState(detail: detail))) } else { model.stack.append(.app(AppScreenState(detail: detail))) }
            return .none
        } catch {
            return showToast(Toast("\(error)", kind: .error), &model)
        }
    }

    func openDirectory(_ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        model.stack = [.applications, .directory(DirectoryScreenState())]
        let workspace = self.workspace
        return .task(id: "directory") {
            do {
                let listing = try DirectoryListing.load(workspace)
                return .directoryLoaded(listing, PeopleTableRows(listing.people))
            } catch {
                return .workFailed("Could not read the directory: \(error)")
            }
        }
    }

    func openCatalog(_ model: inout ConsoleModel) {
        model.stack = [.applications, .catalog(CatalogScreenState())]
    }

    /// Esc / q: back one screen; on the Applications list q quits.
    func back(_ model: inout ConsoleModel, quitAtRoot: Bool) -> Command<ConsoleMessage> {
        if model.stack.count > 1 {
            model.stack.removeLast()
            if case .applications = model.screen { reloadApps(&model) }
            return .none
        }
        return quitAtRoot ? .quit : .none
    }
}
