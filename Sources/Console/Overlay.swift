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
    /// A text to read over the screen (a logged request with its bodies), scrolled to `offset`.
    case reader(TextReader)
}

/// The lines a reader overlay shows and how far it is scrolled.
struct TextReader: Sendable, Equatable {
    var title: String
    var lines: [String]
    var offset = 0

    /// ↑↓ j k a line, PgUp/PgDn a page, g/G the ends; false for keys it does not use.
    mutating func scroll(_ key: Key, pageHeight: Int) -> Bool {
        let last = max(0, lines.count - pageHeight)
        switch key {
        case .up, .character("k"): offset -= 1
        case .down, .character("j"): offset += 1
        case .pageUp: offset -= max(1, pageHeight - 1)
        case .pageDown, .character(" "): offset += max(1, pageHeight - 1)
        case .home, .character("g"): offset = 0
        case .end, .character("G"): offset = last
        default: return false
        }
        offset = min(max(0, offset), last)
        return true
    }
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
