/// A key press, decoded from what the terminal sent.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// Ctrl plus a letter, lower-cased (`.control("c")` is Ctrl-C).
    case control(Character)
    /// Alt (Meta) plus a character, sent by terminals as Esc then the character.
    case alt(Character)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    /// A short human name for help screens and status bars.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let character): return "Ctrl-" + String(character).uppercased()
        case .alt(let character): return "Alt-" + String(character)
        case .enter: return "⏎"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .escape: return "Esc"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        }
    }
}
