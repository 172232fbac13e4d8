@preconcurrency import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw. Only the runner's thread may use it.
/// Input: keys and mouse through `get_wch` (keypad on, ESCDELAY 25 ms), pastes through
/// bracketed paste, resizes as KEY_RESIZE (SIGWINCH also wakes the loop).
public final class CursesTerminal: TerminalDriver {
    public let colorEnabled: Bool
    public let mouseEnabled: Bool
    private var pairs: CursesColorPairs?
    private var decoder = InputDecoder()
    private var attributeBits: [UInt32] = []
    private var started = false

    public init(colorEnabled: Bool, mouseEnabled: Bool = true) {
        self.colorEnabled = colorEnabled
        self.mouseEnabled = mouseEnabled
    }

    public var size: TerminalSize {
        guard started else { return TerminalSize(columns: 80, rows: 24) }
        var rows: Int32 = 0
        var columns: Int32 = 0
        cncurses_getmaxyx(&rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    public func start(wakeDescriptor: Int32) throws(TerminalError) {
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        guard cncurses_start(25) == 0 else { throw TerminalError.cannotStart("initscr failed") }
        started = true
        let hasColor = colorEnabled && cncurses_start_color() == 1
        pairs = CursesColorPairs(enabled: hasColor)
        if mouseEnabled { cncurses_enable_mouse() }
        cncurses_write_raw("\u{1B}[?2004h")
        cncurses_install_signal_handlers(wakeDescriptor)
        attributeBits = [cncurses_a_bold(), cncurses_a_dim(), cncurses_a_underline(), cncurses_a_reverse(), cncurses_a_italic()]
        decoder = InputDecoder(keyCodes: Self.keyCodes())
    }

    public func stop() {
        guard started else { return }
        started = false
        cncurses_write_raw("\u{1B}[?2004l")
        cncurses_stop()
    }

    static func keyCodes() -> [Int32: Key] {
        var codes: [Int32: Key] = [
            cncurses_key_up(): .up, cncurses_key_down(): .down, cncurses_key_left(): .left,
            cncurses_key_right(): .right, cncurses_key_home(): .home, cncurses_key_end(): .end,
            cncurses_key_ppage(): .pageUp, cncurses_key_npage(): .pageDown, cncurses_key_dc(): .delete,
            cncurses_key_ic(): .insert, cncurses_key_backspace(): .backspace, cncurses_key_enter(): .enter,
            cncurses_key_btab(): .backTab,
        ]
        for number in 1...12 { codes[cncurses_key_f(Int32(number))] = .function(number) }
        return codes
    }

    private func attributes(of style: Style) -> UInt32 {
        var bits: UInt32 = 0
        let flags: [TextAttributes] = [.bold, .dim, .underline, .reverse, .italic]
        for (index, flag) in flags.enumerated() where style.attributes.contains(flag) { bits |= attributeBits[index] }
        return bits
    }

    public func draw(_ changes: [CellChange], cursor: Point?, clearFirst: Bool) {
        guard started else { return }
        if clearFirst { cncurses_clear() }
        var characters: [wchar_t] = []
        characters.reserveCapacity(8)
        for change in changes {
            var x = change.x
            for cell in change.cells {
                characters.removeAll(keepingCapacity: true)
                for scalar in cell.text.unicodeScalars.prefix(5) { characters.append(wchar_t(bitPattern: scalar.value)) }
                let pair = pairs?.pair(for: cell.style) ?? 0
                _ = cncurses_put_cell(Int32(change.y), Int32(x), characters, Int32(characters.count), attributes(of: cell.style), pair)
                x += Int(cell.width)
            }
        }
        if let cursor {
            cncurses_move_cursor(Int32(cursor.y), Int32(cursor.x), 1)
        } else {
            cncurses_move_cursor(0, 0, 0)
        }
        cncurses_refresh()
    }

    public func waitForInput(timeout: Duration?, wakeDescriptor: Int32) throws(TerminalError) -> [InputEvent] {
        _ = Poll.readable([0, wakeDescriptor], timeout: timeout)
        var batch: [RawInput] = []
        var value: UInt32 = 0
        while true {
            let kind = cncurses_get_wch(&value)
            if kind < 0 { break }
            if kind == 0 {
                batch.append(.character(value))
            } else if Int32(bitPattern: value) == cncurses_key_resize() {
                batch.append(.resize)
            } else if Int32(bitPattern: value) == cncurses_key_mouse() {
                if let mouse = readMouse() { batch.append(.mouse(mouse)) }
            } else {
                batch.append(.keyCode(Int32(bitPattern: value)))
            }
            if batch.count > 65536 { break }
        }
        return decoder.decode(batch) { size }
    }

    private func readMouse() -> MouseEvent? {
        var x: Int32 = 0
        var y: Int32 = 0
        var kind: Int32 = 0
        guard cncurses_read_mouse(&x, &y, &kind) == 0 else { return nil }
        let position = Point(x: Int(x), y: Int(y))
        switch kind {
        case 1: return MouseEvent(kind: .leftPress, position: position)
        case 2: return MouseEvent(kind: .leftRelease, position: position)
        case 3: return MouseEvent(kind: .rightPress, position: position)
        case 4: return MouseEvent(kind: .wheelUp, position: position)
        case 5: return MouseEvent(kind: .wheelDown, position: position)
        default: return nil
        }
    }

    public func suspend() {
        guard started else { return }
        cncurses_write_raw("\u{1B}[?2004l")
        cncurses_suspend()
        cncurses_write_raw("\u{1B}[?2004h")
    }

    public func takeTerminationSignal() -> Int32? {
        let signal = cncurses_take_pending_signal()
        return signal == 0 ? nil : signal
    }
}
