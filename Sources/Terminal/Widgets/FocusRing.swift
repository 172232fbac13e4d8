/// Which of a screen's focusable parts (fields, checkboxes, buttons) has the focus.
/// Tab and Shift-Tab go round; the screen decides what the focused part does with
/// other keys.
public struct FocusRing: Sendable, Equatable {
    public private(set) var count: Int
    public var focused: Int

    public init(count: Int, focused: Int = 0) {
        self.count = max(0, count)
        self.focused = count > 0 ? min(max(0, focused), count - 1) : 0
    }

    public func isFocused(_ index: Int) -> Bool { count > 0 && index == focused }

    public mutating func next() {
        guard count > 0 else { return }
        focused = (focused + 1) % count
    }

    public mutating func previous() {
        guard count > 0 else { return }
        focused = (focused + count - 1) % count
    }

    /// Tab moves forward, Shift-Tab back; returns false for any other key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .tab: next()
        case .backTab: previous()
        default: return false
        }
        return true
    }

    /// Changes how many parts there are (a field appears), keeping the focus in range.
    public mutating func resize(to newCount: Int) {
        count = max(0, newCount)
        focused = count > 0 ? min(focused, count - 1) : 0
    }
}
