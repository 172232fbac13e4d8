import Terminal

/// The Sign On tab's keys, by what it is showing.
extension KeyHints {
    static func signOn(_ state: SignOnScreenState) -> [StatusBar.Hint] {
        let tab = state.tab
        if tab.confirmingLeave || tab.confirmingRotation { return [.init("←→", "choose"), .init("⏎", "press"), .init("Esc", "cancel")] }
        if state.writeDirectory != nil { return [.init("⏎", "write the files"), .init("Esc", "cancel")] }
        if state.personSearch != nil { return [.init("type", "search"), .init("↑↓", "person"), .init("⏎", "Preview SAML"), .init("Esc", "close")] }
        if tab.preview != nil { return [.init("w", "write files"), .init("p", "another person"), .init("Esc", "close preview")] }
        if tab.mode == .editing {
            return [.init("Tab/↑↓", "field"), .init("←→", "choose"), .init("Ctrl-S", "Save"), .init("Ctrl-P", "Preview SAML"), .init("Esc", "Cancel")]
        }
        return [.init("e", "Edit"), .init("p", "Preview SAML"), .init("g", "new certificate"), .init("Tab/←→", "tab"), .init("?", "help"),
                .init("Esc", "back")]
    }

    static let signOnHelp: [StatusBar.Hint] = [
        .init("e", "Edit the SAML settings"), .init("Tab/Shift-Tab, ↑↓", "next/previous field while editing"),
        .init("←→ / Space", "change Name ID format or Application username"), .init("Ctrl-S", "Save"), .init("Esc", "Cancel (asks when changed)"),
        .init("p / Ctrl-P", "Preview SAML for a person"), .init("w", "write the preview's Response, metadata and post page"),
        .init("g", "Generate new certificate (asks first)"),
    ]
}
