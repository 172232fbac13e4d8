import Terminal

/// The Assignments tab's keys, by what it is showing.
extension KeyHints {
    static func assignments(_ state: AssignmentsScreenState) -> [StatusBar.Hint] {
        if state.model.pendingRemoval != nil { return [.init("←→", "choose"), .init("⏎", "press"), .init("Esc", "cancel")] }
        if state.model.picker != nil { return [.init("type", "search"), .init("↑↓", "move"), .init("⏎", "Assign"), .init("Esc", "Done")] }
        if state.menu != nil { return [.init("↑↓", "choose"), .init("⏎", "open"), .init("Esc", "close")] }
        return [.init("a", "Assign"), .init("x", "remove"), .init("v", "People/Groups"), .init("/", "filter"), .init("s", "sync"),
                .init("Tab", "tab"), .init("Esc", "back")]
    }

    static let assignmentsHelp: [StatusBar.Hint] = [
        .init("a", "Assign ▾: Assign to People / Assign to Groups"), .init("⏎ in the picker", "Assign the highlighted row"),
        .init("Esc in the picker", "Done (then provisions what was assigned)"), .init("x / Del", "remove the selected assignment (asks first)"),
        .init("v", "People ⇄ Groups"), .init("s", "sync now"),
    ]
}
