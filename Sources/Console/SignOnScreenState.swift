import Provisioning
import Terminal
import ViewModels

/// The Sign On tab on screen: its view model, plus what only the screen needs — the focus, the cursor
/// of each text field, the prompts' focused button, the Preview SAML person picker and the
/// "write files into" field.
struct SignOnScreenState: Sendable {
    var tab: SignOnTab
    /// Read from the store the first time the tab is shown.
    var isOpened = false
    var focus: SignOnControl = .acsURL
    /// The fields as typed, with their cursors; the view model holds the same text.
    var fields: [SignOnField: TextFieldState] = [:]
    /// The "unsaved changes" and "generate new certificate" prompts.
    var dialog = DialogState(buttonCount: 2, focusedButton: 0)
    /// Preview SAML's person search, while the admin picks whom to preview for.
    var personSearch: TextFieldState?
    var highlightedPerson = 0
    /// ⏎ came before the answer to the last keystroke: preview the first person of that answer.
    var previewWhenFound = false
    /// The directory to write the preview files into, while it is asked for.
    var writeDirectory: TextFieldState?

    init(appID: Int64) {
        tab = SignOnTab(appID: appID)
    }

    var controls: [SignOnControl] { SignOnControl.order(showingCustomExpression: tab.draft.usernameKind == .custom) }

    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool {
        // While editing, every key belongs to the form: `:` on a choice row must not leave it behind.
        personSearch != nil || writeDirectory != nil || tab.mode == .editing
    }

    /// Something runs in the background that the spinner shows.
    var isBusy: Bool {
        if tab.mode == .loading || tab.isSaving { return true }
        switch tab.preview?.phase {
        case .preparingKey, .building: return true
        default: return false
        }
    }

    /// After the view model changed: the fields take its text where it differs (load, Save, Cancel),
    /// keeping the cursor of a field that already holds it; the focus stays on a control that exists.
    mutating func followViewModel() {
        for field in SignOnField.allCases {
            guard let text = tab.draft.text(of: field) else { continue }
            if fields[field]?.text != text { fields[field] = TextFieldState(text: text, maxLength: 2048) }
        }
        if !controls.contains(focus) { focus = .applicationUsername }
        if !tab.confirmingLeave && !tab.confirmingRotation { dialog = DialogState(buttonCount: 2, focusedButton: 0) }
    }

    /// The first field the last Save refused, to put the cursor on.
    var firstControlWithProblem: SignOnControl? {
        controls.first { control in
            if let field = control.textField { return tab.problems[field] != nil }
            return control == .applicationUsername && !controls.contains(.customExpression) && tab.problems[.applicationUsername] != nil
        }
    }

    mutating func moveFocus(by step: Int) {
        let order = controls
        let index = order.firstIndex(of: focus) ?? 0
        focus = order[(index + step + order.count) % order.count]
    }
}
