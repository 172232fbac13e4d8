import Foundation
import Terminal
import ViewModels

/// The Provisioning tab on screen: its view model (To App, Integration, Attribute Mappings), plus
/// what only the screen needs: the focus of each form, the text fields' cursors, the unmapped list's
/// and the preview-person picker's selection.
///
/// The API token is not among the fields: the view model holds it (`SecretInput`) and the screen
/// draws only its bullets.
struct ProvisioningScreenState: Sendable {
    var model: ProvisioningTabViewModel
    /// Read from the store the first time the tab is shown.
    var isOpened = false

    var integrationFocus = FocusRing(count: IntegrationControl.allCases.count)
    var baseURL = TextFieldState(maxLength: 2048)
    var tokenFile = TextFieldState(maxLength: 4096)

    var toAppFocus = FocusRing(count: ToAppControl.allCases.count)

    var draftFocus = FocusRing(count: DraftControl.allCases.count)
    var expression = TextFieldState(maxLength: 1000)

    var unmappedTable = TableState()

    var isPickingPerson = false
    var personSearch = TextFieldState(maxLength: 200)
    var personTable = TableState()
    /// ⏎ came before the answer to the last keystroke: pick the first person of that answer.
    var picksPersonWhenFound = false

    init(appLabel: String) {
        model = ProvisioningTabViewModel(appLabel: appLabel)
    }

    var integrationControl: IntegrationControl { IntegrationControl(rawValue: integrationFocus.focused) ?? .enable }
    var toAppControl: ToAppControl { ToAppControl(rawValue: toAppFocus.focused) ?? .createUsers }
    var draftControl: DraftControl { DraftControl(rawValue: draftFocus.focused) ?? .expression }

    var isEditingIntegration: Bool { model.integration.phase == .editing }
    var isEditingToApp: Bool { model.toApp.phase == .editing }
    var isEditingDraft: Bool { model.mappings.draft != nil }

    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool {
        if isPickingPerson { return true }
        switch model.section {
        case .integration: return isEditingIntegration && integrationControl.isTextField
        case .toApp: return isEditingDraft && draftControl == .expression
        }
    }

    /// Something runs in the background that the spinner shows.
    var isBusy: Bool { model.integration.credentialTest == .testing }

    /// Sends `intent` to the view model, then brings the screen's own parts in line with what changed:
    /// a form that opens starts on its first control with its fields filled from the model.
    mutating func send(_ intent: ProvisioningTabViewModel.Intent) -> [ProvisioningTabViewModel.Effect] {
        let wasEditingIntegration = isEditingIntegration
        let wasEditingToApp = isEditingToApp
        let oldDraft = model.mappings.draft?.attribute
        let effects = model.send(intent)
        if isEditingIntegration, !wasEditingIntegration {
            integrationFocus.focused = IntegrationControl.enable.rawValue
            baseURL.text = model.integration.baseURL
            tokenFile.text = ""
        }
        if isEditingToApp, !wasEditingToApp { toAppFocus.focused = ToAppControl.createUsers.rawValue }
        if let draft = model.mappings.draft, draft.attribute != oldDraft {
            draftFocus.focused = DraftControl.expression.rawValue
            expression.text = draft.expression
        }
        return effects
    }

    /// Drops every unsaved edit (the admin chose "Discard changes").
    mutating func discardChanges() {
        _ = send(.integration(.cancel))
        _ = send(.toApp(.cancel))
        _ = send(.mappings(.cancelDraft))
        isPickingPerson = false
    }
}
