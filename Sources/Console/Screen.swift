import Terminal
import ViewModels

/// One screen on the console's stack; Esc / q pops back to the one below.
enum Screen: Sendable {
    case applications
    case catalog(CatalogScreenState)
    case app(AppScreenState)
    case directory(DirectoryScreenState)
}

/// The catalog: the search field (always taking typed text), the results, then the label form.
struct CatalogScreenState: Sendable {
    var browser = CatalogBrowser()
    var search = TextFieldState()
    var label = TextFieldState()
    /// On the label step: 0 the label field, 1 Cancel, 2 Done.
    var focus = FocusRing(count: 3, focused: 0)
    var error: String?
}

/// One app on its tabs. Sign On and Provisioning keep their forms here, so moving between tabs
/// loses nothing; each is opened (read from the store) the first time it is shown.
struct AppScreenState: Sendable {
    var detail: AppDetail
    var tab: AppTab = .general
    var table = TableState()
    var sync: SyncProgress?
    var isSyncing = false
    /// The admin asked the running sync to stop: it ends after the requests in flight.
    var isStoppingSync = false
    var signOn: SignOnScreenState
    var provisioning: ProvisioningScreenState
    var assignments = AssignmentsScreenState()
    var pushGroups = PushGroupsScreenState()
    /// Where the admin asked to go while a form held unsaved changes (the prompt is up).
    var pendingNavigation: AppNavigation?

    /// Whether a form on any tab holds edits that leaving the app would lose.
    var hasUnsavedChanges: Bool { signOn.tab.hasUnsavedChanges || provisioning.model.hasUnsavedChanges }

    init(detail: AppDetail) {
        self.detail = detail
        signOn = SignOnScreenState(appID: detail.id)
        provisioning = ProvisioningScreenState(appLabel: detail.label)
    }
}

/// Leaving the current tab: for another tab, or back to the screen below.
enum AppNavigation: Sendable, Equatable {
    case tab(AppTab)
    case back
}
