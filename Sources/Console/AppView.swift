import Terminal
import ViewModels

/// One app: its tabs, the selected tab's panel, and the sync progress while a sync runs.
struct AppView {
    let state: AppScreenState
    /// Turns the spinner of work running in the background (Test API Credentials).
    var spinnerFrame = 0

    static let fieldLabelWidth = 24

    func render(size: TerminalSize, frame: inout Frame, theme: Theme) {
        let (tabsArea, box) = ConsoleGeometry.tabbed(size)
        let tabs = AppTab.allCases
        TabBar(titles: tabs.map(\.title), selected: tabs.firstIndex(of: state.tab) ?? 0).render(in: tabsArea, frame: &frame, theme: theme)
        _ = Box().render(in: box, frame: &frame, theme: theme)
        let syncing = state.isSyncing || state.sync != nil
        let panelArea = ConsoleGeometry.appPanel(size, syncing: syncing)
        if state.tab == .assignments {
            AssignmentsView(state: state.assignments, table: state.table).render(in: panelArea, syncing: syncing, frame: &frame, theme: theme)
            renderSyncProgress(panelArea, frame: &frame, theme: theme)
            return
        }
        if state.tab == .signOn {
            SignOnView(state: state.signOn, spinnerFrame: spinnerFrame).render(in: panelArea, frame: &frame, theme: theme)
            renderSyncProgress(panelArea, frame: &frame, theme: theme)
            return
        }
        if state.tab == .provisioning {
            ProvisioningView(state: state.provisioning, spinnerFrame: spinnerFrame).render(in: panelArea, frame: &frame, theme: theme)
            renderSyncProgress(panelArea, frame: &frame, theme: theme)
            return
        }
        if state.tab == .pushGroups {
            PushGroupsView(state: state.pushGroups, table: state.table, spinnerFrame: spinnerFrame).render(in: panelArea, frame: &frame, theme: theme)
            renderSyncProgress(panelArea, frame: &frame, theme: theme)
            return
        }
        let panel = state.detail.panel(state.tab)
        var y = panelArea.y
        for field in panel.fields where y < panelArea.maxY {
            _ = frame.buffer.write(TextLayout.fit(field.label, width: Self.fieldLabelWidth), x: panelArea.x + 1, y: y, style: theme[.muted])
            _ = frame.buffer.write(field.value, x: panelArea.x + 2 + Self.fieldLabelWidth, y: y,
                                   maxWidth: max(0, panelArea.width - Self.fieldLabelWidth - 3), style: theme[.normal])
            y += 1
        }
        if state.tab == .general, y < panelArea.maxY {
            y += 1
            _ = frame.buffer.write("[x] Delete app", x: panelArea.x + 1, y: y, style: theme[.error])
            _ = frame.buffer.write("[s] Sync now", x: panelArea.x + 19, y: y, style: theme[.accent])
            if let note = panel.note, y + 2 < panelArea.maxY {
                _ = frame.buffer.write(note, x: panelArea.x + 1, y: y + 2, maxWidth: panelArea.width - 2, style: theme[.muted])
            }
        }
        let tableArea = ConsoleGeometry.appPanelTable(size, fieldCount: panel.fields.count, hasNote: panel.note != nil, syncing: syncing)
        if let note = panel.note, state.tab != .general {
            let noteY = tableArea.y - 2
            if noteY >= panelArea.y {
                _ = frame.buffer.write(note, x: panelArea.x + 1, y: noteY, maxWidth: panelArea.width - 2, style: theme[.muted])
            }
        }
        if !panel.columns.isEmpty {
            let weights = panel.columns.enumerated().map { index, title -> TableColumn in
                if let fixed = panel.fixedWidths.indices.contains(index) ? panel.fixedWidths[index] : nil {
                    return TableColumn(title, width: .fixed(fixed))
                }
                return TableColumn(title, width: .flexible(min: min(12, DisplayWidth.of(title) + 2), weight: title == "PATH" || title == "VALUE" ? 3 : 1))
            }
            TableView(columns: weights, emptyText: panel.emptyText)
                .render(rows: StringTableRows(panel.rows), state: state.table, in: tableArea, frame: &frame, theme: theme)
        } else if panel.fields.isEmpty {
            _ = frame.buffer.write(panel.emptyText, x: panelArea.x + 1, y: panelArea.y, style: theme[.muted])
        }
        renderSyncProgress(panelArea, frame: &frame, theme: theme)
    }

    private func renderSyncProgress(_ panelArea: Rect, frame: inout Frame, theme: Theme) {
        guard state.isSyncing || state.sync != nil, let progress = state.sync else { return }
        let line = Rect(x: panelArea.x + 1, y: panelArea.maxY, width: panelArea.width - 2, height: 1)
        let label = state.isStoppingSync ? "Stopping " : state.isSyncing ? "Syncing " : "Last sync "
        let used = frame.buffer.write(label, x: line.x, y: line.y, style: theme[.accent])
        ProgressBar(done: progress.done, total: max(progress.total, progress.done))
            .render(in: line.inset(left: used), frame: &frame, theme: theme)
    }
}
