import Terminal

/// The keys each screen takes, for its status bar and the `?` overlay (one list, so the two agree).
enum KeyHints {
    static let global: [StatusBar.Hint] = [
        .init(":", "command (:apps :directory :catalog :quit)"), .init("?", "help"), .init("Esc/q", "back"),
        .init("Ctrl-C", "quit at once"),
    ]
    static let table: [StatusBar.Hint] = [
        .init("↑↓/j k", "move"), .init("PgUp/PgDn", "page"), .init("g/G", "first/last"), .init("/", "filter (Esc clears)"),
    ]

    static func status(for screen: Screen) -> [StatusBar.Hint] {
        let hints = screenHints(for: screen)
        // While a sync runs, stopping it is the key that matters most.
        if case .app(let state) = screen, state.isSyncing, !state.isStoppingSync { return [.init("c", "stop sync")] + hints }
        return hints
    }

    private static func screenHints(for screen: Screen) -> [StatusBar.Hint] {
        switch screen {
        case .applications:
            return [.init("⏎", "open"), .init("b", "catalog"), .init("d", "directory"), .init("/", "filter"),
                    .init(":", "command"), .init("?", "help"), .init("q", "quit")]
        case .catalog(let state):
            if case .label = state.browser.step {
                return [.init("⏎", "Done"), .init("Tab", "next"), .init("Esc", "back to search")]
            }
            return [.init("type", "search"), .init("↑↓", "move"), .init("⏎", "Add"), .init("Esc", "back")]
        case .app(let state) where state.tab == .signOn:
            return signOn(state.signOn)
        case .app(let state) where state.tab == .assignments:
            return assignments(state.assignments)
        case .app(let state) where state.tab == .provisioning:
            return ProvisioningKeyHints.status(state.provisioning)
        case .app(let state) where state.tab == .pushGroups:
            return pushGroups(state.pushGroups)
        case .app:
            return [.init("Tab/←→", "tab"), .init("s", "sync now"), .init("x", "delete"), .init("/", "filter"),
                    .init("?", "help"), .init("Esc", "back")]
        case .directory:
            return [.init("Tab", "People/Groups"), .init("/", "filter"), .init("i", "import file"), .init(":", "command"),
                    .init("?", "help"), .init("Esc", "back")]
        }
    }

    static func help(for screen: Screen) -> [HelpOverlay.Section] {
        var here: [StatusBar.Hint]
        switch screen {
        case .applications:
            here = [.init("⏎", "open the app"), .init("b", "Browse App Integration Catalog"), .init("d", "Directory")] + table
        case .catalog:
            here = [.init("type", "search the catalog"), .init("↑↓", "choose an entry"), .init("⏎", "Add, then Done"),
                    .init("Esc", "back")]
        case .app(let state) where state.tab == .signOn:
            here = signOnHelp + [.init("Tab/←→", "next/previous tab (when not editing)")]
        case .app(let state) where state.tab == .assignments:
            here = assignmentsHelp + table
        case .app(let state) where state.tab == .provisioning:
            here = ProvisioningKeyHints.help
        case .app(let state) where state.tab == .pushGroups:
            here = pushGroupsHelp + [.init("Tab/←→", "next/previous tab")] + table
        case .app:
            here = [.init("Tab/Shift-Tab", "next/previous tab"), .init("←→/h l", "next/previous tab"), .init("1-6", "go to tab"),
                    .init("s", "sync now (plan and send)"), .init("c", "stop a running sync (the next one goes on)"),
                    .init("x", "delete the app (asks first)"), .init("r", "reload")] + table
        case .directory:
            here = [.init("Tab/←→", "People / Groups"), .init("i", "import a CSV, LDIF or SCIM JSON file")] + table
        }
        return [HelpOverlay.Section("This screen", keys: here), HelpOverlay.Section("Everywhere", keys: global)]
    }
}
