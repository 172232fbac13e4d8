import Terminal

/// The Push Groups tab's keys, by what it is showing.
extension KeyHints {
    static func pushGroups(_ state: PushGroupsScreenState) -> [StatusBar.Hint] {
        switch state.model.panel {
        case .addMenu, .statusMenu, .ruleMenu:
            return [.init("↑↓", "move"), .init("⏎", "choose"), .init("Esc", "close")]
        case .findByName:
            if state.findFocus == .search {
                return [.init("type", "search"), .init("↑↓", "group"), .init("⏎", "pick"), .init("Tab", "buttons"), .init("Ctrl-S", "Save"),
                        .init("Esc", "close")]
            }
            return [.init("←→", "button"), .init("⏎", "press"), .init("Tab", "search"), .init("Esc", "close")]
        case .findByRule:
            return [.init("Tab/↑↓", "field"), .init("←→", "starts/ends/contains"), .init("Ctrl-S", "Create Rule"), .init("Esc", "close")]
        case .unlink:
            return [.init("↑↓", "delete or leave"), .init("←→", "button"), .init("⏎", "press"), .init("Esc", "cancel")]
        case .confirmRuleRemoval:
            return [.init("←→", "button"), .init("⏎", "press"), .init("Esc", "cancel")]
        case nil:
            return [.init("+", "push groups"), .init("⏎", "Push Now · Unlink"), .init("d", "delete a rule"), .init("/", "filter"), .init("s", "sync"),
                    .init("Tab/←→", "tab"), .init("?", "help"), .init("Esc", "back")]
        }
    }

    static let pushGroupsHelp: [StatusBar.Hint] = [
        .init("+ / a", "+ Push Groups: Find groups by name (n) or by rule (r)"),
        .init("⏎ on a group", "its status menu: Push Now (p), Unlink pushed group (u)"),
        .init("find by name", "type, ↑↓, ⏎ picks; Tab to Save & Add Another / Save; Ctrl-S Save"),
        .init("find by rule", "rule name, then group name AND description conditions; Ctrl-S Create Rule"),
        .init("d", "delete a rule (the groups it pushed stay pushed)"),
        .init("s", "sync now: pushes what waits"), .init("r", "read the statuses again"),
    ]
}
