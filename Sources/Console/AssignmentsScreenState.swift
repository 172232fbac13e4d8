/// The Assignments tab on screen (guide steps 3–4): what only the screen needs beside the stored rows.
struct AssignmentsScreenState: Sendable {
    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool { false }
}
