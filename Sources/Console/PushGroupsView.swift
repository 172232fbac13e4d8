import Provisioning
import Terminal
import ViewModels

/// The Push Groups tab (guide steps 5–6), as SCREENS.md sketches it: the **+ Push Groups** bar, the pushed
/// groups with their status, the rules under them, a status line; menus, forms and the Unlink dialog on top.
struct PushGroupsView {
    let state: PushGroupsScreenState
    let table: TableState
    let spinnerFrame: Int

    static let toolbar = "[+] Push Groups ▾ (Find groups by name / Find groups by rule)"

    struct Layout {
        var toolbar: Rect
        var table: Rect
        var rules: Rect
        var status: Rect
    }

    /// Where the parts go in the panel; the key handler pages the table with the same numbers.
    static func layout(_ area: Rect, ruleCount: Int) -> Layout {
        let toolbar = Rect(x: area.x, y: area.y, width: area.width, height: min(1, area.height))
        let status = Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1)
        // The rules take a third of the room at most: the pushed groups are what the tab is for.
        let ruleRows = ruleCount == 0 ? 0 : 1 + min(ruleCount, max(1, (area.height - 6) / 3))
        let rules = Rect(x: area.x, y: status.y - ruleRows, width: area.width, height: ruleRows)
        let tableTop = area.y + 1
        let table = Rect(x: area.x, y: tableTop, width: max(0, area.width - 1), height: max(0, rules.y - tableTop))
        return Layout(toolbar: toolbar, table: table, rules: rules, status: status)
    }

    func render(in area: Rect, frame: inout Frame, theme: Theme) {
        let viewModel = state.model
        let layout = Self.layout(area, ruleCount: viewModel.snapshot.rules.count)
        let used = frame.buffer.write(Self.toolbar, x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: theme[.accent])
        if used + 14 <= area.width {
            frame.buffer.write("/ filter", x: max(area.x + used + 6, area.x + 68), y: area.y, maxWidth: area.maxX - 1 - (area.x + used + 6), style: theme[.muted])
        }
        if viewModel.phase == .loading {
            frame.buffer.write(Spinner.frame(spinnerFrame) + " Reading the pushed groups…", x: area.x + 1, y: layout.table.y, style: theme[.muted])
        } else {
            TableView(columns: Self.columns(viewModel.columns), isFocused: viewModel.panel == nil,
                      emptyText: "No group is pushed yet. Press + to push groups by name or by rule.")
                .render(rows: PushGroupTableRows(viewModel.rows), state: table, in: layout.table, frame: &frame, theme: theme)
        }
        renderRules(viewModel.ruleLines, in: layout.rules, frame: &frame, theme: theme)
        if let status = viewModel.status {
            let mark = status.kind == .error ? "✗ " : ""
            frame.buffer.write(mark + status.text, x: area.x + 1, y: layout.status.y, maxWidth: area.width - 2,
                               style: theme[status.kind == .error ? .error : .muted])
        }
        switch viewModel.panel {
        case .addMenu(let highlighted):
            renderMenu("+ Push Groups", PushGroupsViewModel.AddOption.allCases.map { "+ " + $0.label }, highlighted: highlighted,
                       at: Point(x: area.x + 1, y: area.y + 1), in: area, frame: &frame, theme: theme)
        case let .statusMenu(groupID, highlighted):
            let y = rowY(of: groupID, layout: layout) ?? layout.table.y
            let width = 26
            renderMenu(nil, PushGroupsViewModel.StatusAction.allCases.map(\.label), highlighted: highlighted,
                       at: Point(x: max(area.x, area.maxX - width - 1), y: y + 1), width: width, in: area, frame: &frame, theme: theme)
        case .findByName(let find):
            PushGroupsFormsView(state: state, spinnerFrame: spinnerFrame).renderFindByName(find, in: area, frame: &frame, theme: theme)
        case .findByRule(let form):
            PushGroupsFormsView(state: state, spinnerFrame: spinnerFrame).renderRuleForm(form, in: area, frame: &frame, theme: theme)
        case .unlink(let choice):
            PushGroupsFormsView(state: state, spinnerFrame: spinnerFrame).renderUnlink(choice, in: area, frame: &frame, theme: theme)
        case .ruleMenu(let highlighted):
            let names = viewModel.snapshot.rules.map(\.name)
            let width = min(area.width - 2, max(24, (names.map(DisplayWidth.of).max() ?? 0) + 4))
            renderMenu("Delete a rule", names, highlighted: highlighted,
                       at: Point(x: area.x + 1, y: max(area.y + 1, layout.rules.y - names.count - 2)), width: width, in: area, frame: &frame, theme: theme)
        case .confirmRuleRemoval(let name):
            _ = Dialog(title: "Delete rule: \(name)",
                       message: "The rule pushes no new group. The groups it pushed stay pushed; unlink any you no longer want.",
                       buttons: ["Cancel", "Delete rule"], width: 62)
                .render(state.ruleRemovalButtons, in: area, frame: &frame, theme: theme)
        case nil:
            break
        }
    }

    static func columns(_ titles: [String]) -> [TableColumn] {
        [
            TableColumn(titles[0], width: .flexible(min: 14, weight: 2)),
            TableColumn(titles[1], width: .flexible(min: 14, weight: 2)),
            TableColumn(titles[2], width: .fixed(11)),
            TableColumn(titles[3], width: .flexible(min: 12, weight: 3)),
        ]
    }

    private func renderRules(_ rules: [PushGroupsViewModel.RuleLine], in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0, !rules.isEmpty else { return }
        frame.buffer.write("Rules", x: area.x + 1, y: area.y, style: theme[.title])
        let shown = area.height - 1
        for (index, rule) in rules.prefix(shown).enumerated() {
            let y = area.y + 1 + index
            if index == shown - 1, rules.count > shown {
                frame.buffer.write("  … and \(rules.count - index) more rules", x: area.x + 1, y: y, style: theme[.muted])
                break
            }
            let matchesWidth = DisplayWidth.of(rule.matches)
            let nameWidth = min(16, max(8, DisplayWidth.of(rule.name)))
            frame.buffer.write(TextLayout.fit(rule.name, width: nameWidth), x: area.x + 2, y: y, style: theme[.normal])
            let conditionsX = area.x + 2 + nameWidth + 2
            frame.buffer.write(rule.conditions, x: conditionsX, y: y, maxWidth: max(0, area.maxX - 3 - matchesWidth - conditionsX), style: theme[.muted])
            frame.buffer.write(rule.matches, x: area.maxX - 1 - matchesWidth, y: y, style: theme[.accent])
        }
    }

    private func rowY(of groupID: Int64, layout: Layout) -> Int? {
        let rows = PushGroupTableRows(state.model.rows)
        guard let source = rows.rows.firstIndex(where: { $0.groupID == groupID }) else { return nil }
        let height = TableView.bodyHeight(in: layout.table, state: table)
        let count = table.visibleCount(total: rows.count)
        let offset = TableState.effectiveOffset(selected: table.selected, offset: table.offset, height: height, count: count)
        guard let position = (0..<count).first(where: { table.row(atPosition: $0) == source }) else { return nil }
        return layout.table.y + 1 + position - offset
    }

    private func renderMenu(_ title: String?, _ options: [String], highlighted: Int, at origin: Point, width: Int? = nil,
                            in area: Rect, frame: inout Frame, theme: Theme) {
        let boxWidth = width ?? (options.map(DisplayWidth.of).max() ?? 10) + 4
        let height = options.count + 2
        let y = min(origin.y, area.maxY - height)
        let box = Rect(x: origin.x, y: max(area.y, y), width: min(boxWidth, area.width), height: height)
        let inner = Box(title: title, role: .border, fillRole: .dialog).render(in: box, frame: &frame, theme: theme)
        for (index, option) in options.enumerated() where index < inner.height {
            let style = index == highlighted ? theme[.dialog].patched(with: theme[.selection]) : theme[.dialog]
            frame.buffer.write(TextLayout.fit(" " + option, width: inner.width), x: inner.x, y: inner.y + index, style: style)
        }
    }
}
