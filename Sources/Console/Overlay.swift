import Terminal

/// What sits over the screen and takes the keys first.
enum Overlay: Sendable {
    case help
    /// `:` command palette.
    case palette(TextFieldState)
    /// A yes/no before something destructive; the action runs on the last button.
    case confirm(ConfirmRequest, DialogState)
    /// The directory's "import a file": the path being typed.
    case importPath(TextFieldState)
}

/// A destructive action waiting for its confirmation.
struct ConfirmRequest: Sendable {
    enum Action: Sendable {
        case deleteApp(id: Int64, label: String)
        case createDemo
        /// Leave the Provisioning tab, dropping its unsaved edits, for the navigation it holds.
        case discardProvisioningChanges(appID: Int64)
        /// Provisioning → Integration: save credentials that were not verified since they changed.
        case saveUnverifiedIntegration(appID: Int64)
        /// Provisioning → To App: remove one attribute mapping.
        case removeMapping(appID: Int64, attribute: String)
    }

    var action: Action
    var title: String
    var message: String
    var buttons: [String]
}
