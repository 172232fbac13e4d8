/// Why the program stopped, for the process's exit status.
public enum ExitReason: Sendable, Equatable {
    case quit
    case interrupted
    case signal(Int32)

    /// 0 for quit, 128 + the signal otherwise (the shell's convention; Ctrl-C is 130).
    public var exitStatus: Int32 {
        switch self {
        case .quit: return 0
        case .interrupted: return 130
        case .signal(let number): return 128 + number
        }
    }
}
