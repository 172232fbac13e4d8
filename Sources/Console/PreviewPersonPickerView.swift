import Terminal
import ViewModels

/// The preview-person picker over To App: a search field whose results come from the directory
/// as it is typed; ↑↓ choose, ⏎ picks the person the mappings are previewed for.
struct PreviewPersonPickerView {
    let state: ProvisioningScreenState

    func render(in area: Rect, frame: inout Frame, theme: Theme) {
        let height = min(area.height, 12)
        let box = Rect(x: area.x + 2, y: area.y + 1, width: max(0, area.width - 4), height: max(0, height - 1))
        let inner = Box(title: "Preview person", fillRole: .dialog).render(in: box, frame: &frame, theme: theme)
        guard inner.height >= 3 else { return }
        let (fieldLine, rest) = inner.splitTop(1)
        let (list, help) = rest.splitBottom(1)
        let people = state.model.mappings.people
        TableView(columns: PreviewPersonRows.columns, emptyText: "Nobody in the directory matches “\(state.personSearch.text)”.")
            .render(rows: PreviewPersonRows(people: people), state: state.personTable, in: list.inset(top: 1), frame: &frame, theme: theme)
        frame.buffer.write("↑↓ choose · ⏎ pick · Esc close", x: help.x + 1, y: help.y, maxWidth: help.width - 1, style: theme[.muted])
        TextField(label: "Find", labelWidth: 6, placeholder: "name or username", isFocused: true)
            .render(state.personSearch, in: fieldLine.inset(left: 1, right: 1), frame: &frame, theme: theme)
    }
}
