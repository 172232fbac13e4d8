/// The text of an input field and where the cursor is, with the editing keys of a
/// shell line: arrows, Home/End, Ctrl-A/E, Backspace/Del, Ctrl-U/K/W, Alt-B/F, paste.
public struct TextFieldState: Sendable, Equatable {
    public private(set) var characters: [Character]
    /// Cursor position in characters (grapheme clusters), 0...count.
    public private(set) var cursor: Int
    public var maxLength: Int?

    public init(text: String = "", maxLength: Int? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    public mutating func insert(_ text: String) {
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" { continue }
            let clean: Character = character == "\t" ? " " : character
            if let scalar = clean.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F { continue }
            if DisplayWidth.of(clean) == 0, cursor > 0 {
                // A combining mark typed on its own joins the character before it.
                let joined = String(characters[cursor - 1]) + String(clean)
                if joined.count == 1, let merged = joined.first {
                    characters[cursor - 1] = merged
                    continue
                }
            }
            if let maxLength, characters.count >= maxLength { return }
            characters.insert(clean, at: cursor)
            cursor += 1
        }
    }

    /// Handles an editing key; returns false for keys it does not use (Enter, Tab, Esc…).
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(String(character))
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .backspace, .control("h"):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor..<characters.count)
        case .control("w"):
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .alt("b"): cursor = wordStart(before: cursor)
        case .alt("f"): cursor = wordEnd(after: cursor)
        default: return false
        }
        return true
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, characters[index - 1] == " " { index -= 1 }
        while index > 0, characters[index - 1] != " " { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < characters.count, characters[index] == " " { index += 1 }
        while index < characters.count, characters[index] != " " { index += 1 }
        return index
    }
}
