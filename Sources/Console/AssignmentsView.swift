import Provisioning
import Terminal
import ViewModels

/// The Assignments tab (guide steps 3–4): **Assign ▾**, People / Groups, the table with its ✕ column,
/// and over them the Assign menu, the picker with **Assign** per row and **Done**, or the removal prompt.
struct AssignmentsView {
    let state: AssignmentsScreenState
    let table: TableState

    func render(in area: Rect, syncing: Bool, frame: inout Frame, theme: Theme) {
        let model = state.model
        let (toolbar, _) = area.splitTop(1)
        let assign = Button("a Assign ▾").render(at: Point(x: toolbar.x + 1, y: toolbar.y), frame: &frame, theme: theme)
        let sections = "People (\(NumberText.grouped(model.people.count))) │ Groups (\(NumberText.grouped(model.groups.count)))"
        let sectionsX = toolbar.maxX - 1 - DisplayWidth.of(sections) - 4
        if model.isLoading {
            _ = frame.buffer.write("Reading…", x: toolbar.maxX - 12, y: toolbar.y, style: theme[.muted])
        } else if sectionsX > assign.maxX + 1 {
            let shown = model.section == .people ? "People" : "Groups"
            var x = sectionsX
            for part in ["People (\(NumberText.grouped(model.people.count)))", " │ ", "Groups (\(NumberText.grouped(model.groups.count)))"] {
                let role: ThemeRole = part.hasPrefix(shown) ? .tabActive : part == " │ " ? .muted : .tabInactive
                x += frame.buffer.write(part, x: x, y: toolbar.y, style: theme[role])
            }
            _ = frame.buffer.write(" v", x: x, y: toolbar.y, style: theme[.muted])
        }
        let tableArea = ConsoleGeometry.assignmentsTable(in: area)
        let rows = state.rows
        let empty = model.isLoading ? "Reading the assignments…"
            : model.section == .people ? "Nobody is assigned to this app: press a to Assign to People or Groups."
            : "No group is assigned: press a, then Assign to Groups."
        TableView(columns: rows.columns, emptyText: empty).render(rows: rows, state: table, in: tableArea, frame: &frame, theme: theme)
        if let notice = model.notice {
            let line = area.maxY - 1
            _ = frame.buffer.write((notice.kind == .error ? "✗ " : "") + notice.text, x: area.x + 1, y: line, maxWidth: area.width - 2,
                                   style: theme[notice.kind == .error ? .error : .muted])
        } else if model.section == .people, model.people.indices.contains(table.selected),
                  let reason = model.people[table.selected].status.reason {
            // The selected row's Error, Conflict or Held back, said whole: the column only names it.
            _ = frame.buffer.write(reason, x: area.x + 1, y: area.maxY - 1, maxWidth: area.width - 2, style: theme[.warning])
        }
        if let menu = state.menu {
            DropDown(isFocused: true).render(menu, in: Rect(x: assign.x, y: assign.y, width: 24, height: 1), frame: &frame, theme: theme)
        }
        if let picker = model.picker { renderPicker(picker, in: area, frame: &frame, theme: theme) }
        if let removal = model.pendingRemoval {
            _ = Dialog(title: "Remove assignment", message: removal.question, buttons: ["Cancel", "Remove"], width: 60)
                .render(state.dialog, in: area, frame: &frame, theme: theme)
        }
    }

    private func renderPicker(_ picker: AssignmentsViewModel.Picker, in area: Rect, frame: inout Frame, theme: Theme) {
        let box = area.inset(top: 1, left: 2, bottom: 0, right: 2)
        let inner = Box(title: picker.kind.title, role: .border, fillRole: .dialog).render(in: box, frame: &frame, theme: theme)
        guard inner.height >= 3 else { return }
        TextField(label: "Search", placeholder: picker.kind == .people ? "name, login or email" : "group name", isFocused: true)
            .render(state.search, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), frame: &frame, theme: theme)
        let listTop = inner.y + 2
        let listRows = max(0, inner.maxY - 1 - listTop)
        if !picker.resultsAreCurrent {
            _ = frame.buffer.write("Searching…", x: inner.x, y: listTop, style: theme[.muted])
        } else if picker.results.isEmpty {
            _ = frame.buffer.write("No match.", x: inner.x, y: listTop, style: theme[.muted])
        } else {
            let offset = TableState.effectiveOffset(selected: picker.highlighted, offset: 0, height: listRows, count: picker.results.count)
            for line in 0..<listRows where offset + line < picker.results.count {
                let index = offset + line
                let candidate = picker.results[index]
                let highlighted = index == picker.highlighted
                let action = candidate.isAssigned ? "Assigned" : "[ Assign ]"
                let actionWidth = DisplayWidth.of(action)
                let textWidth = max(0, inner.width - actionWidth - 2)
                let text = TextLayout.fit(candidate.title + "  " + candidate.detail, width: textWidth)
                var style = theme[.dialog]
                if highlighted { style = style.patched(with: theme[.selection]) }
                _ = frame.buffer.write(text, x: inner.x, y: listTop + line, style: style)
                let actionRole: ThemeRole = candidate.isAssigned ? .muted : highlighted ? .buttonFocused : .button
                _ = frame.buffer.write(action, x: inner.maxX - actionWidth, y: listTop + line, style: theme[.dialog].patched(with: theme[actionRole]))
            }
        }
        let done = Button("Done").width
        Button("Done").render(at: Point(x: inner.maxX - done, y: inner.maxY - 1), frame: &frame, theme: theme)
        if picker.assignedCount > 0 {
            _ = frame.buffer.write("\(picker.assignedCount) assigned", x: inner.x, y: inner.maxY - 1, style: theme[.success])
        }
    }
}
