import Foundation
import Terminal
import ViewModels

/// Keys while an overlay is up: help, the `:` palette, a confirmation, the import path.
extension ConsoleProgram {
    func handleOverlay(_ key: Key, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        guard let overlay = model.overlay else { return .none }
        switch overlay {
        case .help:
            // Any key closes help; `q` and Esc do nothing more than that.
            model.overlay = nil
            return .none
        case .palette(var field):
            switch key {
            case .escape:
                model.overlay = nil
            case .enter:
                model.overlay = nil
                return runCommand(field.text, &model)
            default:
                _ = field.handle(key)
                model.overlay = .palette(field)
            }
            return .none
        case .importPath(var field):
            switch key {
            case .escape:
                model.overlay = nil
            case .enter:
                model.overlay = nil
                // A big file takes seconds to parse and write: the screen stays live meanwhile.
                let workspace = self.workspace, path = field.text
                model.toast = Toast("Importing \(path)…")
                return .task(id: "import") {
                    let result = DirectoryListing.importFile(at: path, in: workspace)
                    return .imported(ok: result.ok, message: result.message)
                }
            default:
                _ = field.handle(key)
                model.overlay = .importPath(field)
            }
            return .none
        case .reader(var reader):
            if reader.scroll(key, pageHeight: ConsoleGeometry.readerBody(model.size).height) {
                model.overlay = .reader(reader)
            } else if key == .escape || key == .enter || key == .character("q") {
                model.overlay = nil
            }
            return .none
        case .confirm(let request, var dialog):
            switch dialog.handle(key) {
            case .none:
                model.overlay = .confirm(request, dialog)
                return .none
            case .cancelled:
                model.overlay = nil
                return declined(request.action, &model)
            case .pressed(let button):
                model.overlay = nil
                guard button == request.buttons.count - 1 else { return declined(request.action, &model) }
                return confirm(request.action, &model)
            }
        }
    }

    /// The admin said no: a navigation held for the answer is forgotten.
    func declined(_ action: ConfirmRequest.Action, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch action {
        case .discardProvisioningChanges(let appID):
            return withApp(appID, &model) { state, _ in
                state.pendingNavigation = nil
                return .none
            }
        case .saveUnverifiedIntegration, .removeMapping:
            return answerProvisioning(action, confirmed: false, &model)
        default:
            return .none
        }
    }

    func confirm(_ action: ConfirmRequest.Action, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch action {
        case .saveUnverifiedIntegration, .removeMapping:
            return answerProvisioning(action, confirmed: true, &model)
        case .discardProvisioningChanges(let appID):
            return withApp(appID, &model) { state, model in
                state.provisioning.discardChanges()
                return navigate(state.pendingNavigation ?? .back, &state, &model)
            }
        case .deleteApp(let id, let label):
            do {
                _ = try AppDetail.delete(appID: id, in: workspace)
                model.stack = [.applications]
                reloadApps(&model)
                return showToast(Toast("Deleted “\(label)”.", kind: .success), &model)
            } catch {
                return showToast(Toast("Could not delete “\(label)”: \(error)", kind: .error), &model)
            }
        case .createDemo:
            guard let maker = workspace.demoMaker else { return .none }
            do {
                let summary = try maker()
                reloadApps(&model)
                return showToast(Toast(summary, kind: .success), &model)
            } catch {
                return showToast(Toast("The demo was not created: \(error)", kind: .error), &model)
            }
        }
    }

    /// The `:` palette's commands, k9s-style (a word, optionally abbreviated).
    static let commands: [(names: [String], help: String)] = [
        (["apps", "applications", "a"], "Applications"),
        (["directory", "dir", "people", "groups", "d"], "Directory"),
        (["catalog", "browse", "b"], "Browse App Integration Catalog"),
        (["help", "?"], "keys"),
        (["quit", "q", "q!", "exit"], "quit"),
    ]

    func runCommand(_ text: String, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        let leaves = !["", "help", "?", "quit", "q", "q!", "exit"].contains(word)
        if leaves, case .app(let state) = model.screen, state.hasUnsavedChanges {
            return showToast(Toast("Save or cancel the changes on \(state.tab.title) first.", kind: .warning), &model)
        }
        switch word {
        case "": return .none
        case "apps", "applications", "app", "a":
            model.stack = [.applications]
            reloadApps(&model)
            return .none
        case "directory", "dir", "people", "groups", "d":
            var command = openDirectory(&model)
            if word == "groups", case .directory(var state) = model.screen {
                state.tab = .groups
                model.replaceTop(.directory(state))
                command = .batch([command])
            }
            return command
        case "catalog", "browse", "b":
            openCatalog(&model)
            return .none
        case "help", "?":
            model.overlay = .help
            return .none
        case "quit", "q", "q!", "exit":
            return .quit
        default:
            return showToast(Toast("No command “\(word)”: try :apps, :directory, :catalog, :quit.", kind: .error), &model)
        }
    }
}
