import Terminal

/// The console needs at least this terminal size.
public enum ConsoleLayout {
    public static let minimumSize = TerminalSize.minimum
}
