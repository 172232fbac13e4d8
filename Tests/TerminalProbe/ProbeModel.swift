import Terminal

/// What the probe screen shows: a table, a name field and a secret field, and the last
/// key and size it saw, so a tmux test can read them back from the pane.
struct ProbeModel {
    var size: TerminalSize
    var tab = 0
    var table = TableState()
    var name = TextFieldState()
    var token = TextFieldState()
    /// 0 the table, 1 the name field, 2 the token field.
    var focus = FocusRing(count: 3)
    var lastKey = "none"
    var pasted = 0
}
