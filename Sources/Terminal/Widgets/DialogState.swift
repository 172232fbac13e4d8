/// Which button of a dialog has the focus, and what a key does to it.
public struct DialogState: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The key moved the focus or was not for the dialog.
        case none
        /// A button was pressed (its index).
        case pressed(Int)
        /// Esc: the dialog is dismissed without a choice.
        case cancelled
    }

    public var buttonCount: Int
    public var focusedButton: Int

    public init(buttonCount: Int, focusedButton: Int? = nil) {
        self.buttonCount = buttonCount
        self.focusedButton = focusedButton ?? max(0, buttonCount - 1)
    }

    /// ←/→, Tab/Shift-Tab and h/l move between buttons; Enter presses; Esc cancels.
    public mutating func handle(_ key: Key) -> Outcome {
        guard buttonCount > 0 else { return key == .escape ? .cancelled : .none }
        switch key {
        case .left, .backTab, .character("h"): focusedButton = (focusedButton + buttonCount - 1) % buttonCount
        case .right, .tab, .character("l"): focusedButton = (focusedButton + 1) % buttonCount
        case .enter: return .pressed(focusedButton)
        case .escape: return .cancelled
        default: break
        }
        return .none
    }
}
