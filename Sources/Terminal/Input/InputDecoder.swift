/// Turns a batch of raw input (all that was waiting) into events: control characters
/// into keys, Esc followed by a character into Alt, and a bracketed paste
/// (`Esc [ 200 ~` … `Esc [ 201 ~`) into one paste event.
struct InputDecoder: Sendable {
    /// Curses key codes, by the key they stand for (the ncurses backend fills these in).
    var keyCodes: [Int32: Key]
    private var pasteBuffer: String?

    init(keyCodes: [Int32: Key] = [:]) {
        self.keyCodes = keyCodes
    }

    private static let pasteStart: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E]
    private static let pasteEnd: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]

    mutating func decode(_ batch: [RawInput], size: () -> TerminalSize) -> [InputEvent] {
        var events: [InputEvent] = []
        var index = 0
        while index < batch.count {
            let item = batch[index]
            if pasteBuffer != nil {
                if matches(Self.pasteEnd, in: batch, at: index) {
                    events.append(.paste(pasteBuffer ?? ""))
                    pasteBuffer = nil
                    index += Self.pasteEnd.count
                    continue
                }
                if case .character(let code) = item, let scalar = Unicode.Scalar(code) {
                    pasteBuffer?.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
                }
                index += 1
                continue
            }
            switch item {
            case .resize:
                events.append(.resize(size()))
            case .mouse(let mouse):
                events.append(.mouse(mouse))
            case .keyCode(let code):
                if let key = keyCodes[code] { events.append(.key(key)) }
            case .character(let code):
                if code == 0x1B {
                    if matches(Self.pasteStart, in: batch, at: index) {
                        pasteBuffer = ""
                        index += Self.pasteStart.count
                        continue
                    }
                    if index + 1 < batch.count, case .character(let next) = batch[index + 1],
                       next >= 0x20, next != 0x7F, let scalar = Unicode.Scalar(next) {
                        events.append(.key(.alt(Character(scalar))))
                        index += 2
                        continue
                    }
                    events.append(.key(.escape))
                } else if let key = Self.key(forCharacter: code) {
                    events.append(.key(key))
                }
            }
            index += 1
        }
        return events
    }

    private func matches(_ sequence: [UInt32], in batch: [RawInput], at start: Int) -> Bool {
        guard start + sequence.count <= batch.count else { return false }
        for (offset, code) in sequence.enumerated() {
            guard case .character(let value) = batch[start + offset], value == code else { return false }
        }
        return true
    }

    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A:
            guard let scalar = Unicode.Scalar(code + 0x60) else { return nil }
            return .control(Character(scalar))
        case 0x00..<0x20: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}
