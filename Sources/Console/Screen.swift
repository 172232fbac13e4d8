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

/// One app on its tabs.
struct AppScreenState: Sendable {
    var detail: AppDetail
    var tab: AppTab = .general
    var table = TableState()
    var sync: SyncProgress?
    var isSyncing = false
}

/// People and Groups.
struct DirectoryScreenState: Sendable {
    enum Tab: String, CaseIterable, Sendable {
        case people = "People"
        case groups = "Groups"
    }

    var tab: Tab = .people
    var people: PeopleTableRows?
    var groups = StringTableRows([])
    var peopleTable = TableState()
    var groupsTable = TableState()
    var isLoading = true
}
