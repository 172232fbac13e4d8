import Terminal
import ViewModels

/// The Provisioning tab on screen: its view model (To App, Integration, Attribute Mappings), plus
/// what only the screen needs.
struct ProvisioningScreenState: Sendable {
    var model: ProvisioningTabViewModel
    /// Read from the store the first time the tab is shown.
    var isOpened = false

    init(appLabel: String) {
        model = ProvisioningTabViewModel(appLabel: appLabel)
    }

    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool { false }

    /// Something runs in the background that the spinner shows.
    var isBusy: Bool { model.integration.credentialTest == .testing }

    /// Drops every unsaved edit (the admin chose "Discard changes").
    mutating func discardChanges() {
        _ = model.send(.integration(.cancel))
        _ = model.send(.toApp(.cancel))
        _ = model.send(.mappings(.cancelDraft))
    }
}
