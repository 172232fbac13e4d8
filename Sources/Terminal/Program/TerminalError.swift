/// What can go wrong with the terminal itself, said so the user knows what to do.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    case notATerminal
    case cannotStart(String)
    case system(String, Int32)
    /// The program asked to stop with this message (`Command.fail`).
    case programFailed(String)
    /// The in-memory terminal ran out of scripted input (tests).
    case scriptEnded

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal; run scimdeck in a terminal, or use its subcommands in scripts"
        case .cannotStart(let reason):
            return "cannot start the terminal screen: \(reason) (check TERM is set to a terminal curses knows)"
        case .system(let call, let code):
            return "\(call) failed with error \(code)"
        case .programFailed(let message):
            return message
        case .scriptEnded:
            return "the scripted input ran out before the program quit"
        }
    }
}
