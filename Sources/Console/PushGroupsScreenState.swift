/// The Push Groups tab on screen (guide steps 5–6): what only the screen needs beside the stored rows.
struct PushGroupsScreenState: Sendable {
    /// Typed keys go to a field (so `q`, `?` and `:` are text, not commands).
    var isTakingText: Bool { false }
}
