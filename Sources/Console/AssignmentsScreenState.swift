import Terminal
import ViewModels

/// The Assignments tab on screen (guide steps 3–4): its view model, plus what only the screen needs —
/// the **Assign ▾** menu, the picker's search field, and the removal prompt's focused button.
struct AssignmentsScreenState: Sendable {
    var model = AssignmentsViewModel()
    /// Read from the store the first time the tab is shown.
    var isOpened = false
    /// The Assign ▾ menu while it is open: Assign to People / Assign to Groups.
    var menu: ChoiceState?
    var search = TextFieldState(maxLength: 200)
    var dialog = DialogState(buttonCount: 2, focusedButton: 0)

    static let menuOptions = [AssignmentsViewModel.PickerKind.people, .groups]

    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool { model.picker != nil }

    var rows: AssignmentTableRows { AssignmentTableRows(model: model) }
}
