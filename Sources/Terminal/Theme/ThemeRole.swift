/// What a piece of the screen is, so a theme can say how it looks. A theme file has one
/// `[section]` per role, named by the raw value.
public enum ThemeRole: String, Sendable, CaseIterable, Hashable {
    case normal
    case header
    case border
    case title
    case tabActive = "tab-active"
    case tabInactive = "tab-inactive"
    case tableHeader = "table-header"
    case selection
    case muted
    case accent
    case success
    case warning
    case error
    case input
    case inputFocused = "input-focused"
    case button
    case buttonFocused = "button-focused"
    case dialog
    case statusBar = "status-bar"
    case statusKey = "status-key"
    case toast
    case progressDone = "progress-done"
    case progressTodo = "progress-todo"
    case filter
}
