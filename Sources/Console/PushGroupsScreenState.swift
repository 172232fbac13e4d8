import Provisioning
import Terminal
import ViewModels

/// The Push Groups tab on screen (guide steps 5–6): its view model, plus what only the screen needs —
/// the cursor of each field, which control of a form has the focus, the Unlink dialog's buttons.
struct PushGroupsScreenState: Sendable {
    var model = PushGroupsViewModel()
    /// Read from the store the first time the tab is shown.
    var isOpened = false
    /// *Find groups by name*'s search field and its focus: the field, or one of its buttons.
    var search = TextFieldState(maxLength: 200)
    var findFocus: FindControl = .search
    /// *Find groups by rule*'s fields as typed, and the focused control.
    var ruleFields: [PushRuleDraft.Field: TextFieldState] = [:]
    var ruleFocus: RuleControl = .ruleName
    /// The Unlink dialog's buttons: Cancel has the focus first, as in every destructive prompt here.
    var unlinkButtons = DialogState(buttonCount: 2, focusedButton: 0)
    /// The "Delete rule" prompt's buttons (Cancel first).
    var ruleRemovalButtons = DialogState(buttonCount: 2, focusedButton: 0)
    /// A push asked for a sync while one was running: run another when it ends, so the push is sent.
    var syncAgain = false

    enum FindControl: Int, Sendable, CaseIterable {
        case search, cancel, saveAndAddAnother, save
    }

    enum RuleControl: Int, Sendable, CaseIterable {
        case ruleName, nameOperator, nameValue, descriptionOperator, descriptionValue, cancel, createRule

        var field: PushRuleDraft.Field? {
            switch self {
            case .ruleName: return .ruleName
            case .nameOperator, .nameValue: return .groupName
            case .descriptionOperator, .descriptionValue: return .groupDescription
            case .cancel, .createRule: return nil
            }
        }

        var isText: Bool { self == .ruleName || self == .nameValue || self == .descriptionValue }
    }

    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool {
        switch model.panel {
        case .findByName, .findByRule: return true
        default: return false
        }
    }

    /// After the view model changed: the fields take its text where it differs (a picked group, a reset
    /// form), keeping the cursor of a field that already holds it; a closed form forgets its focus.
    mutating func followViewModel() {
        switch model.panel {
        case .findByName(let find):
            if search.text != find.query { search = TextFieldState(text: find.query, maxLength: 200) }
        case .findByRule(let form):
            for field in PushRuleDraft.Field.allCases where ruleFields[field]?.text != form.text(of: field) {
                ruleFields[field] = TextFieldState(text: form.text(of: field), maxLength: 200)
            }
        default:
            search = TextFieldState(maxLength: 200)
            findFocus = .search
            ruleFields = [:]
            ruleFocus = .ruleName
        }
        if case .unlink = model.panel {} else { unlinkButtons = DialogState(buttonCount: 2, focusedButton: 0) }
    }
}
