import Terminal

/// A small screen on the real ncurses backend, driven by `CursesBackendTests` in tmux:
/// it draws a header, tabs, a table with wide characters, a text field and a masked
/// field, and a status bar with the last key and the terminal size. Esc or F10 quits.
struct ProbeProgram: Program {
    let rows = StringTableRows([
        ["José Núñez", "jose.nunez@corp.com", "direct"],
        ["李小龙", "xiaolong.li@corp.com", "Group: Sales"],
        ["Zoë Ødegaard 🎉", "zoe.odegaard@corp.com", "Group: Sales"],
        ["Chloé Dubois", "chloe.dubois@corp.com", "direct"],
    ])
    let tabs = ["General", "Sign On", "Provisioning", "Log"]
    let columns = [
        TableColumn("PERSON", width: .flexible(min: 16, weight: 1)),
        TableColumn("USERNAME", width: .flexible(min: 22, weight: 2)),
        TableColumn("ASSIGNED", width: .fixed(14)),
    ]

    func start(size: TerminalSize) -> (ProbeModel, Command<InputEvent>) {
        (ProbeModel(size: size), .none)
    }

    func message(for event: InputEvent, model: ProbeModel) -> InputEvent? { event }

    func update(_ model: inout ProbeModel, _ event: InputEvent) -> Command<InputEvent> {
        switch event {
        case .resize(let size):
            model.size = size
        case .paste(let text):
            model.pasted += 1
            if model.focus.focused == 1 { model.name.insert(text) }
            if model.focus.focused == 2 { model.token.insert(text) }
        case .mouse(let mouse):
            guard mouse.kind == .leftPress else { break }
            let areas = layout(Rect(size: model.size))
            let bar = TabBar(titles: tabs, selected: model.tab)
            if areas.tabRow.contains(mouse.position), let index = bar.index(atColumn: mouse.position.x, in: areas.tabRow) {
                model.tab = index
            }
            if let position = TableView.position(at: mouse.position, in: areas.table, state: model.table, total: rows.count) {
                model.table.select(position, total: rows.count, visibleHeight: TableView.bodyHeight(in: areas.table, state: model.table))
                model.focus.focused = 0
            }
        case .key(let key):
            model.lastKey = key.name
            if key == .escape || key == .function(10) { return .quit }
            if model.focus.handle(key) { return .none }
            switch model.focus.focused {
            case 0:
                if key == .right { model.tab = min(tabs.count - 1, model.tab + 1) }
                if key == .left { model.tab = max(0, model.tab - 1) }
                _ = model.table.handle(key, rows: rows, visibleHeight: 6)
            case 1: _ = model.name.handle(key)
            default: _ = model.token.handle(key)
            }
        }
        return .none
    }

    /// Where things go; `update` uses it too, to find what a click hit.
    func layout(_ screen: Rect) -> (header: Rect, tabRow: Rect, main: Rect, table: Rect, form: Rect, status: Rect) {
        let (header, rest) = screen.splitTop(1)
        let (tabRow, body) = rest.splitTop(1)
        let (main, status) = body.splitBottom(1)
        let (table, form) = main.inset(by: 1).splitTop(8)
        return (header, tabRow, main, table, form, status)
    }

    func view(_ model: ProbeModel, frame: inout Frame, theme: Theme) {
        let areas = layout(frame.area)
        HeaderBar(path: ["scimdeck", "Applications", "Probe"], context: "size \(model.size.columns)×\(model.size.rows)")
            .render(in: areas.header, frame: &frame, theme: theme)
        TabBar(titles: tabs, selected: model.tab).render(in: areas.tabRow, frame: &frame, theme: theme)
        Box(title: "People").render(in: areas.main, frame: &frame, theme: theme)
        let (tableArea, formArea, statusRow) = (areas.table, areas.form, areas.status)
        TableView(columns: columns, isFocused: model.focus.isFocused(0))
            .render(rows: rows, state: model.table, in: tableArea, frame: &frame, theme: theme)
        let (nameRow, below) = formArea.splitTop(1)
        TextField(label: "Name", labelWidth: 12, isFocused: model.focus.isFocused(1))
            .render(model.name, in: nameRow.inset(left: 1, right: 1), frame: &frame, theme: theme)
        let tokenRow = below.splitTop(1).rest.splitTop(1).top
        TextField(label: "API Token", labelWidth: 12, isMasked: true, isFocused: model.focus.isFocused(2))
            .render(model.token, in: tokenRow.inset(left: 1, right: 1), frame: &frame, theme: theme)
        let selected = model.table.selectedRow(total: rows.count).map { rows.text(row: $0, column: 0) } ?? "-"
        StatusBar(message: "key: \(model.lastKey) · row: \(selected) · tab: \(tabs[model.tab]) · pastes: \(model.pasted)",
                  hints: [.init("Tab", "next"), .init("Esc", "quit")])
            .render(in: statusRow, frame: &frame, theme: theme)
    }
}
