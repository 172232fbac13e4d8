import Foundation
import Provisioning
import Terminal
import ViewModels

/// The Sign On tab: keys to intents, and its effects run as tasks whose answers come back as `.signOn`.
extension ConsoleProgram {
    func sendSignOn(_ intent: SignOnIntent, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let wasEditing = state.signOn.tab.mode == .editing
        let effects = state.signOn.tab.send(intent)
        state.signOn.followViewModel()
        if case .peopleFound = intent, state.signOn.previewWhenFound, state.signOn.personSearch != nil,
           state.signOn.tab.personChoicesAreCurrent {
            state.signOn.previewWhenFound = false
            return .batch([runSignOn(effects, &state, &model), previewHighlightedPerson(&state, &model)])
        }
        if !wasEditing && state.signOn.tab.mode == .editing { state.signOn.focus = .defaultRelayState }
        if intent == .save, let first = state.signOn.firstControlWithProblem { state.signOn.focus = first }
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
    /// A prompt, the person picker or the directory field takes every key while it is up; the form
    /// takes every key while it is edited (Tab moves between its fields, Esc leaves it).
    func signOnKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage>? {
        let tab = state.signOn.tab
        if tab.confirmingLeave || tab.confirmingRotation { return signOnPromptKey(key, &state, &model) }
        if state.signOn.writeDirectory != nil { return writeDirectoryKey(key, &state, &model) }
        if state.signOn.personSearch != nil { return personSearchKey(key, &state, &model) }
        if tab.preview != nil {
            switch key {
            case .escape: return sendSignOn(.closePreview, &state, &model)
            case .character("w"):
                guard tab.preview?.document != nil else { return Command.none }
                state.signOn.writeDirectory = TextFieldState(text: FileManager.default.currentDirectoryPath, maxLength: 4096)
                return Command.none
            case .character("p"):
                return openPersonSearch(&state, &model)
            default:
                return tab.mode == .editing ? Command.none : nil
            }
        }
        switch tab.mode {
        case .loading:
            return nil
        case .reading:
            switch key {
            case .character("e"): return sendSignOn(.edit, &state, &model)
            case .character("p"): return openPersonSearch(&state, &model)
            case .character("g"): return sendSignOn(.rotateSigningKey, &state, &model)
            default: return nil
            }
        case .editing:
            return signOnFormKey(key, &state, &model)
        }
    }

    private func signOnFormKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let focus = state.signOn.focus
        switch key {
        case .tab, .down:
            state.signOn.moveFocus(by: 1)
            return .none
        case .backTab, .up:
            state.signOn.moveFocus(by: -1)
            return .none
        case .control("s"):
            return sendSignOn(.save, &state, &model)
        case .control("p"):
            return openPersonSearch(&state, &model)
        case .escape:
            guard state.signOn.tab.hasUnsavedChanges else { return sendSignOn(.cancel, &state, &model) }
            // Discarding from the prompt closes the form and stays on this tab.
            state.pendingNavigation = .tab(.signOn)
            return sendSignOn(.leave, &state, &model)
        default:
            break
        }
        if let field = focus.textField {
            if key == .enter {
                state.signOn.moveFocus(by: 1)
                return .none
            }
            var text = state.signOn.fields[field] ?? TextFieldState(text: state.signOn.tab.draft.text(of: field) ?? "")
            guard text.handle(key) else { return .none }
            state.signOn.fields[field] = text
            return sendSignOn(.setText(field, text.text), &state, &model)
        }
        switch focus {
        case .nameIDFormat:
            guard let step = Self.choiceStep(key) else { return .none }
            let choices = NameIDFormatChoice.allCases
            let index = choices.firstIndex(of: state.signOn.tab.draft.nameIDFormat) ?? 0
            return sendSignOn(.chooseNameIDFormat(choices[(index + step + choices.count) % choices.count]), &state, &model)
        case .applicationUsername:
            guard let step = Self.choiceStep(key) else { return .none }
            let kinds = ApplicationUsername.Kind.allCases
            let index = kinds.firstIndex(of: state.signOn.tab.draft.usernameKind) ?? 0
            return sendSignOn(.chooseApplicationUsername(kinds[(index + step + kinds.count) % kinds.count]), &state, &model)
        case .save where Button.presses(on: key):
            return sendSignOn(.save, &state, &model)
        case .cancel where Button.presses(on: key):
            return sendSignOn(.cancel, &state, &model)
        default:
            return .none
        }
    }

    /// ← / → (h / l) or Space step through a row of choices.
    static func choiceStep(_ key: Key) -> Int? {
        switch key {
        case .right, .character("l"), .character(" "): return 1
        case .left, .character("h"): return -1
        default: return nil
        }
    }

    private func signOnPromptKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let rotating = state.signOn.tab.confirmingRotation
        switch state.signOn.dialog.handle(key) {
        case .none:
            return .none
        case .cancelled, .pressed(0):
            if !rotating { state.pendingNavigation = nil }
            return sendSignOn(rotating ? .cancelRotation : .stay, &state, &model)
        case .pressed:
            return sendSignOn(rotating ? .confirmRotation : .discardAndLeave, &state, &model)
        }
    }

    private func previewHighlightedPerson(_ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let people = state.signOn.tab.personChoices
        let typed = state.signOn.personSearch?.text ?? ""
        let login = people.indices.contains(state.signOn.highlightedPerson) ? people[state.signOn.highlightedPerson].login : typed
        state.signOn.personSearch = nil
        return sendSignOn(.previewSAML(login: login), &state, &model)
    }

    private func openPersonSearch(_ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        state.signOn.personSearch = TextFieldState(text: state.signOn.tab.personQuery, maxLength: 200)
        state.signOn.highlightedPerson = 0
        state.signOn.previewWhenFound = false
        return sendSignOn(.searchPeople(state.signOn.tab.personQuery), &state, &model)
    }

    private func personSearchKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        let people = state.signOn.tab.personChoices
        switch key {
        case .escape:
            state.signOn.personSearch = nil
            return .none
        case .up, .control("p"):
            state.signOn.highlightedPerson = max(0, state.signOn.highlightedPerson - 1)
            return .none
        case .down, .control("n"), .tab:
            state.signOn.highlightedPerson = min(max(0, people.count - 1), state.signOn.highlightedPerson + 1)
            return .none
        case .enter:
            // The list on screen may still answer an earlier keystroke: pick from the answer to what was typed,
            // now or as soon as it comes.
            guard state.signOn.tab.personChoicesAreCurrent else {
                state.signOn.previewWhenFound = true
                return .none
            }
            return previewHighlightedPerson(&state, &model)
        default:
            guard var search = state.signOn.personSearch, search.handle(key) else { return .none }
            state.signOn.personSearch = search
            state.signOn.highlightedPerson = 0
            state.signOn.previewWhenFound = false
            return sendSignOn(.searchPeople(search.text), &state, &model)
        }
    }

    private func writeDirectoryKey(_ key: Key, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        switch key {
        case .escape:
            state.signOn.writeDirectory = nil
            return .none
        case .enter:
            let directory = state.signOn.writeDirectory?.text ?? ""
            state.signOn.writeDirectory = nil
            return sendSignOn(.writePreview(directory: directory), &state, &model)
        default:
            _ = state.signOn.writeDirectory?.handle(key)
            return .none
        }
    }

    /// Pasted text goes into the Sign On field that has the focus (an ACS URL copied from the app's docs).
    func pasteIntoSignOn(_ text: String, _ state: inout AppScreenState, _ model: inout ConsoleModel) -> Command<ConsoleMessage> {
        if state.signOn.writeDirectory != nil {
            state.signOn.writeDirectory?.insert(text)
            return .none
        }
        if var search = state.signOn.personSearch {
            search.insert(text)
            state.signOn.personSearch = search
            return sendSignOn(.searchPeople(search.text), &state, &model)
        }
        guard state.signOn.tab.mode == .editing, let field = state.signOn.focus.textField else { return .none }
        var typed = state.signOn.fields[field] ?? TextFieldState()
        typed.insert(text)
        state.signOn.fields[field] = typed
        return sendSignOn(.setText(field, typed.text), &state, &model)
    }
}
