/// What the loop does with one input event before the program sees it. `ProgramRunner` and
/// `ProgramStepper` both go by it, so a stepped test meets the keys the real loop keeps for itself.
enum LoopInput: Equatable {
    /// Ctrl-C: stop, as SIGINT would.
    case interrupt
    /// Ctrl-Z: give the terminal back until the shell continues us.
    case suspend
    /// `q` or Esc while the window is too small for the program (the notice says so).
    case quit
    /// Everything else goes to `message(for:model:)`.
    case program

    /// `size` is the size after the event (a resize has already been applied).
    init(_ event: InputEvent, size: TerminalSize) {
        switch event {
        case .key(.control("c")): self = .interrupt
        case .key(.control("z")): self = .suspend
        case .key(let key) where !size.isUsable && (key == .character("q") || key == .escape): self = .quit
        default: self = .program
        }
    }
}
