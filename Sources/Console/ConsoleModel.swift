import Terminal
import ViewModels

/// The whole console's state: the screen stack, the Applications list under it, an overlay, a toast.
struct ConsoleModel: Sendable {
    var size: TerminalSize
    var stack: [Screen] = [.applications]
    var apps: [ApplicationRow] = []
    var appsTable = TableState()
    var overlay: Overlay?
    var toast: Toast?
    /// Advanced by `spinnerTick` while background work shows a spinner.
    var spinnerFrame = 0

    var screen: Screen { stack.last ?? .applications }

    mutating func replaceTop(_ screen: Screen) {
        if stack.count > 1 { stack[stack.count - 1] = screen } else { stack = [screen] }
    }
}
