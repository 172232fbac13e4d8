import Provisioning
import Terminal
import ViewModels

/// The Sign On tab on screen: its view model, plus what only the screen needs (the focus and the
/// cursor of each text field).
struct SignOnScreenState: Sendable {
    var tab: SignOnTab
    /// Read from the store the first time the tab is shown.
    var isOpened = false

    init(appID: Int64) {
        tab = SignOnTab(appID: appID)
    }

    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool { false }

    /// Something runs in the background that the spinner shows.
    var isBusy: Bool { tab.mode == .loading || tab.isSaving }
}
