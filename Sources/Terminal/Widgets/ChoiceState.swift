/// One choice among options, with a highlight that moves before the choice is made:
/// the state of a radio group and of a drop-down.
public struct ChoiceState: Sendable, Equatable {
    public var options: [String]
    public var selected: Int
    public var highlighted: Int
    /// For a drop-down: whether its list is open.
    public var isOpen = false

    public init(options: [String], selected: Int = 0) {
        self.options = options
        self.selected = min(max(0, selected), max(0, options.count - 1))
        self.highlighted = self.selected
    }

    public var selectedOption: String? { options.indices.contains(selected) ? options[selected] : nil }

    /// Radio-group keys: ↑↓ (j/k) move and choose at once; returns false for other keys.
    public mutating func handleRadio(_ key: Key) -> Bool {
        switch key {
        case .up, .character("k"): selected = max(0, selected - 1)
        case .down, .character("j"): selected = min(options.count - 1, selected + 1)
        default: return false
        }
        highlighted = selected
        return true
    }

    /// Drop-down keys: Enter / Space opens; when open ↑↓ move, Enter chooses, Esc closes
    /// without choosing. Returns false for keys it does not use.
    public mutating func handleDropDown(_ key: Key) -> Bool {
        guard isOpen else {
            if key == .enter || key == .character(" ") || key == .down {
                isOpen = true
                highlighted = selected
                return true
            }
            return false
        }
        switch key {
        case .up, .character("k"): highlighted = max(0, highlighted - 1)
        case .down, .character("j"): highlighted = min(options.count - 1, highlighted + 1)
        case .enter, .character(" "):
            selected = highlighted
            isOpen = false
        case .escape:
            highlighted = selected
            isOpen = false
        default: return true  // an open list keeps the keys to itself
        }
        return true
    }
}
