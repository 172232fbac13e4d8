import Terminal
import ViewModels

/// Provisioning → To App (guide steps 2.5–2.8): the three checkboxes with **Edit** / **Save** /
/// **Cancel**, the Sync Password note, then Attribute Mappings with Show Unmapped Attributes, the
/// expression being edited (validated and previewed as it is typed) and the preview person's line.
struct ProvisioningToAppView {
    let state: ProvisioningScreenState

    /// Lines the expression editor takes at the bottom of the mappings area.
    static let draftHeight = 4
    /// Lines the preview line may wrap onto.
    static let previewHeight = 2

    private var toApp: ToAppViewModel { state.model.toApp }
    private var mappings: AttributeMappingsViewModel { state.model.mappings }

    func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 8 else { return }
        renderToggles(in: area, frame: &frame, theme: theme)
        renderMappingsTitle(at: area.y + 6, in: area, frame: &frame, theme: theme)
        let (rest, preview) = area.inset(top: 7).splitBottom(Self.previewHeight)
        renderPreview(in: preview, frame: &frame, theme: theme)
        var lower = rest
        if let notice = mappings.notice {
            let (above, line) = lower.splitBottom(1)
            frame.buffer.write(notice, x: line.x + 1, y: line.y, maxWidth: line.width - 1, style: theme[Self.role(of: notice)])
            lower = above
        }
        if let draft = mappings.draft {
            renderDraft(draft, in: lower.splitBottom(Self.draftHeight).bottom, frame: &frame, theme: theme)
        }
        let list = Self.listArea(in: area, state: state)
        if mappings.isShowingUnmapped {
            renderUnmapped(in: list, frame: &frame, theme: theme)
        } else {
            renderMappings(in: list, frame: &frame, theme: theme)
        }
    }

    /// Where the mappings (or unmapped attributes) list goes: under the titles, above the editor,
    /// the notice and the preview line. Key handling pages by it.
    static func listArea(in area: Rect, state: ProvisioningScreenState) -> Rect {
        var list = area.inset(top: 7).splitBottom(previewHeight).rest
        if state.model.mappings.notice != nil { list = list.splitBottom(1).rest }
        if state.model.mappings.draft != nil { list = list.splitBottom(draftHeight).rest }
        return list
    }

    /// "Saved." reads as success; a failure ("Not saved: …", "Could not …") as an error.
    static func role(of notice: String) -> ThemeRole {
        notice == "Saved." ? .success : (notice.hasPrefix("Not saved") || notice.hasPrefix("Could not") ? .error : .warning)
    }

    // MARK: Checkboxes

    private func renderToggles(in area: Rect, frame: inout Frame, theme: Theme) {
        frame.buffer.write("Provisioning to App", x: area.x, y: area.y, maxWidth: area.width, style: theme[.title])
        let editing = toApp.phase == .editing
        if toApp.phase == .loading {
            frame.buffer.write("Reading the settings…", x: area.x + 1, y: area.y + 1, style: theme[.muted])
            return
        }
        let action = editing ? "Ctrl-S save · Esc cancel" : "[e] Edit"
        let actionWidth = DisplayWidth.of(action)
        frame.buffer.write(action, x: area.maxX - actionWidth - 1, y: area.y, style: theme[editing ? .muted : .accent])
        for (index, row) in toApp.rows.enumerated() {
            let focused = editing && state.toAppFocus.focused == index
            Checkbox(label: row.label, isChecked: row.isOn, isFocused: focused, isEnabled: !editing || row.isEnabled)
                .render(in: Rect(x: area.x + 1, y: area.y + 1 + index, width: area.width - 1, height: 1), frame: &frame, theme: theme)
        }
        if let note = toApp.syncPasswordNote {
            // The note may take the line below when no button or notice needs it.
            let room = area.width - 1
            let lines = TextLayout.wrap(note, width: room)
            if lines.count > 1, !editing, toApp.notice == nil {
                frame.buffer.write(lines[0], x: area.x + 1, y: area.y + 4, maxWidth: room, style: theme[.muted])
                let rest = TextLayout.truncate(lines[1...].joined(separator: " "), toWidth: room)
                frame.buffer.write(rest, x: area.x + 1, y: area.y + 5, maxWidth: room, style: theme[.muted])
            } else {
                frame.buffer.write(TextLayout.truncate(note, toWidth: room), x: area.x + 1, y: area.y + 4, maxWidth: room, style: theme[.muted])
            }
        }
        var x = area.x + 1
        if editing {
            let save = Button("Save", isFocused: state.toAppControl == .save, isEnabled: !toApp.isSaving)
            let cancel = Button("Cancel", isFocused: state.toAppControl == .cancel)
            save.render(at: Point(x: x, y: area.y + 5), frame: &frame, theme: theme)
            cancel.render(at: Point(x: x + save.width + 2, y: area.y + 5), frame: &frame, theme: theme)
            x += save.width + cancel.width + 5
        }
        if let notice = toApp.notice {
            frame.buffer.write(notice, x: x, y: area.y + 5, maxWidth: max(0, area.maxX - x), style: theme[Self.role(of: notice)])
        }
    }

    // MARK: Attribute Mappings

    private func renderMappingsTitle(at y: Int, in area: Rect, frame: inout Frame, theme: Theme) {
        frame.buffer.write("Attribute Mappings", x: area.x, y: y, maxWidth: area.width, style: theme[.title])
        let action = mappings.isShowingUnmapped ? "[u] Hide Unmapped Attributes" : "[u] Show Unmapped Attributes"
        let width = DisplayWidth.of(action)
        if area.width > width + 20 {
            frame.buffer.write(action, x: area.maxX - width - 1, y: y, style: theme[.accent])
        }
    }

    private func renderMappings(in area: Rect, frame: inout Frame, theme: Theme) {
        if mappings.phase == .loading {
            frame.buffer.write("Reading the mappings…", x: area.x + 2, y: area.y, style: theme[.muted])
            return
        }
        let rows = MappingTableRows(rows: mappings.rows)
        var table = TableState()
        table.select(mappings.selectedIndex, total: rows.count, visibleHeight: TableView.bodyHeight(in: area, state: table))
        let focused = !state.isEditingToApp && !state.isEditingDraft && !state.isPickingPerson
        TableView(columns: MappingTableRows.columns, isFocused: focused, emptyText: "No attribute mappings: press u to map one.")
            .render(rows: rows, state: table, in: area, frame: &frame, theme: theme)
    }

    private func renderUnmapped(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 1 else { return }
        let (noteLine, list) = area.splitTop(1)
        let note = (mappings.unmappedSource.note ?? "") + "  ⏎ maps the attribute"
        frame.buffer.write(note, x: noteLine.x + 1, y: noteLine.y, maxWidth: noteLine.width - 1, style: theme[.muted])
        let rows = UnmappedTableRows(attributes: mappings.unmappedAttributes)
        let empty = mappings.unmappedSource == .loading ? "…" : "Every attribute the app accepts is mapped."
        TableView(columns: UnmappedTableRows.columns, isFocused: !state.isEditingDraft, emptyText: empty)
            .render(rows: rows, state: state.unmappedTable, in: list, frame: &frame, theme: theme)
    }

    private func renderDraft(_ draft: MappingDraft, in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height >= Self.draftHeight else { return }
        let title = (draft.isNew ? "Map " : "Edit ") + draft.attribute
        frame.buffer.write(title, x: area.x, y: area.y, maxWidth: area.width, style: theme[.title])
        let hint = "⏎ save · Esc cancel"
        if area.width > DisplayWidth.of(title) + DisplayWidth.of(hint) + 4 {
            frame.buffer.write(hint, x: area.maxX - DisplayWidth.of(hint) - 1, y: area.y, style: theme[.muted])
        }
        let field = Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: 1)
        // The cursor belongs to the field only while it has the focus (not under the picker).
        let focused = state.draftControl == .expression && !state.isPickingPerson
        let cursor = frame.cursor
        TextField(label: "Expression", labelWidth: 12, placeholder: "e.g. user.firstName", isFocused: focused)
            .render(state.expression, in: field, frame: &frame, theme: theme)
        if !focused { frame.cursor = cursor }
        let x = area.x + 13
        if let error = draft.errorText {
            frame.buffer.write("✗ " + error, x: x, y: area.y + 2, maxWidth: area.maxX - x, style: theme[.error])
        } else if let person = mappings.previewPerson {
            let value = draft.preview(for: person) ?? "null (not sent)"
            frame.buffer.write("→ " + value + "  for " + person.displayName, x: x, y: area.y + 2, maxWidth: area.maxX - x, style: theme[.success])
        }
        let applyFocused = state.draftControl == .applyOn
        let apply = "Apply on: " + draft.applyOn.label + " ▾"
        var style = theme[.normal]
        if applyFocused { style = style.patched(with: theme[.selection]) }
        let used = frame.buffer.write(apply, x: area.x + 1, y: area.y + 3, style: style)
        var buttonX = area.x + 1 + max(used, 26) + 2
        let save = Button("Save", isFocused: state.draftControl == .save, isEnabled: draft.isValid && !mappings.isSaving)
        let cancel = Button("Cancel", isFocused: state.draftControl == .cancel)
        save.render(at: Point(x: buttonX, y: area.y + 3), frame: &frame, theme: theme)
        buttonX += save.width + 2
        cancel.render(at: Point(x: buttonX, y: area.y + 3), frame: &frame, theme: theme)
        buttonX += cancel.width + 2
        let toggleHint = "Ctrl-O apply on"
        if area.maxX - buttonX > DisplayWidth.of(toggleHint) {
            frame.buffer.write(toggleHint, x: buttonX, y: area.y + 3, style: theme[.muted])
        }
    }

    // MARK: Preview

    private func renderPreview(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 0 else { return }
        let text: String
        if let person = mappings.previewPerson, let line = mappings.previewLine {
            text = "preview for: \(person.displayName.isEmpty ? person.login : person.displayName) ▾ [p] → \(line)"
        } else {
            text = "preview for: nobody yet ▾ [p] pick a person from the directory"
        }
        let lines = TextLayout.wrap(text, width: max(1, area.width - 1))
        for index in 0..<min(area.height, lines.count) {
            var line = lines[index]
            if index == area.height - 1, lines.count > area.height {
                line = TextLayout.truncate(lines[index...].joined(separator: " "), toWidth: area.width - 1)
            }
            frame.buffer.write(line, x: area.x + 1, y: area.y + index, maxWidth: area.width - 1, style: theme[.muted])
        }
    }
}
