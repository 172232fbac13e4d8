/// Everything the terminal can tell the program.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// Text pasted while bracketed paste was on, delivered whole.
    case paste(String)
    case resize(TerminalSize)
}
