import Terminal

/// The Provisioning tab's keys for the status bar, by what is open, and for the `?` overlay.
enum ProvisioningKeyHints {
    static func status(_ state: ProvisioningScreenState) -> [StatusBar.Hint] {
        if state.isPickingPerson {
            return [.init("type", "search"), .init("↑↓", "choose"), .init("⏎", "pick"), .init("Esc", "close")]
        }
        switch state.model.section {
        case .integration:
            if state.isEditingIntegration {
                return [.init("Tab/↑↓", "move"), .init("Space/⏎", "press"), .init("Ctrl-T", "test"), .init("Ctrl-S", "save"),
                        .init("Esc", "cancel")]
            }
            return [.init("⏎/e", state.model.integration.configureLabel), .init("t", "To App"), .init("Tab/←→", "tab"),
                    .init("?", "help"), .init("Esc", "back")]
        case .toApp:
            if state.isEditingDraft {
                return [.init("type", "expression"), .init("Tab", "next"), .init("Ctrl-O", "apply on"), .init("⏎/Ctrl-S", "save"),
                        .init("Esc", "cancel")]
            }
            if state.isEditingToApp {
                return [.init("Space", "toggle"), .init("↑↓/Tab", "move"), .init("Ctrl-S", "save"), .init("Esc", "cancel")]
            }
            if state.model.mappings.isShowingUnmapped {
                return [.init("↑↓", "move"), .init("⏎", "map"), .init("u/Esc", "hide"), .init("?", "help")]
            }
            return [.init("↑↓", "move"), .init("e", "edit"), .init("⏎", "expression"), .init("u", "unmapped"),
                    .init("p", "preview person"), .init("i", "Integration"), .init("?", "help"), .init("Esc", "back")]
        }
    }

    static let help: [StatusBar.Hint] = [
        .init("t / i", "To App / Integration (or click the sub-menu)"),
        .init("e", "Edit (To App) · Configure API Integration (Integration)"),
        .init("Space/⏎", "toggle a checkbox, press a button"),
        .init("Tab/↑↓", "next field while editing"),
        .init("Ctrl-S", "save · Esc cancels the edit"),
        .init("Ctrl-T", "Test API Credentials"),
        .init("Ctrl-U", "clear the API Token field"),
        .init("↑↓ ⏎", "choose a mapping, edit its expression"),
        .init("o", "edit a mapping's Apply on (Ctrl-O in the editor)"),
        .init("x", "remove a mapping (asks first)"),
        .init("u", "Show / hide Unmapped Attributes; ⏎ maps one"),
        .init("p", "pick the preview person"),
        .init("Tab/←→ 1-6", "other tabs (asks about unsaved changes)"),
    ]
}
