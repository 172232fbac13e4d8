import Terminal
import ViewModels

/// Draws the console: header (where you are), the screen, status bar (keys that work here),
/// then the toast and any overlay on top.
struct ConsoleView {
    let model: ConsoleModel
    let location: String

    func render(frame: inout Frame, theme: Theme) {
        let size = model.size
        HeaderBar(path: path, context: "store: " + location).render(in: ConsoleGeometry.header(size), frame: &frame, theme: theme)
        switch model.screen {
        case .applications:
            ApplicationsView(apps: model.apps, table: model.appsTable).render(size: size, frame: &frame, theme: theme)
        case .catalog(let state):
            CatalogView(state: state).render(size: size, frame: &frame, theme: theme)
        case .app(let state):
            AppView(state: state, spinnerFrame: model.spinnerFrame).render(size: size, frame: &frame, theme: theme)
        case .directory(let state):
            DirectoryView(state: state).render(size: size, frame: &frame, theme: theme)
        }
        renderStatus(frame: &frame, theme: theme)
        if let toast = model.toast {
            toast.render(in: ConsoleGeometry.main(size).inset(bottom: 1), frame: &frame, theme: theme)
        }
        renderOverlay(frame: &frame, theme: theme)
    }

    var path: [String] {
        switch model.screen {
        case .applications: return ["scimdeck", "Applications"]
        case .catalog: return ["scimdeck", "Applications", "Browse App Integration Catalog"]
        case .app(let state): return ["scimdeck", "Applications", state.detail.label]
        case .directory(let state): return ["scimdeck", "Directory", state.tab.rawValue]
        }
    }

    func renderStatus(frame: inout Frame, theme: Theme) {
        let area = ConsoleGeometry.status(model.size)
        switch model.overlay {
        case .palette(let field):
            frame.buffer.fill(area, style: theme[.statusBar])
            TextField(label: ":", labelWidth: 1, placeholder: "apps, directory, catalog, quit", isFocused: true)
                .render(field, in: area, frame: &frame, theme: theme)
            return
        case .importPath(let field):
            frame.buffer.fill(area, style: theme[.statusBar])
            TextField(label: "Import file:", placeholder: "path of a .csv, .ldif or .json file", isFocused: true)
                .render(field, in: area, frame: &frame, theme: theme)
            return
        default:
            break
        }
        if case .reader = model.overlay {
            StatusBar(message: "", hints: [.init("↑↓/PgUp PgDn", "scroll"), .init("g/G", "top/end"), .init("Esc", "close")])
                .render(in: area, frame: &frame, theme: theme)
            return
        }
        if isEditingFilter {
            StatusBar(message: "filter", hints: [.init("type", "filter"), .init("⏎", "keep"), .init("Esc", "clear")])
                .render(in: area, frame: &frame, theme: theme)
            return
        }
        StatusBar(message: statusMessage, hints: KeyHints.status(for: model.screen)).render(in: area, frame: &frame, theme: theme)
    }

    var isEditingFilter: Bool {
        switch model.screen {
        case .applications: return model.appsTable.isEditingFilter
        case .app(let state): return state.table.isEditingFilter
        case .directory(let state): return (state.tab == .people ? state.peopleTable : state.groupsTable).isEditingFilter
        case .catalog: return false
        }
    }

    var statusMessage: String {
        switch model.screen {
        case .applications: return "\(model.apps.count) app" + (model.apps.count == 1 ? "" : "s")
        case .catalog(let state): return "\(state.browser.results.count) in catalog"
        case .app(let state):
            if state.isSyncing, let sync = state.sync { return "Syncing… \(sync.done)/\(sync.total)" + (sync.note.map { " — \($0)" } ?? "") }
            return ""
        case .directory(let state): return state.isLoading ? "loading…" : ""
        }
    }

    func renderOverlay(frame: inout Frame, theme: Theme) {
        let screen = Rect(size: model.size)
        switch model.overlay {
        case .help:
            HelpOverlay(title: "Keys · any key closes", sections: KeyHints.help(for: model.screen)).render(in: screen, frame: &frame, theme: theme)
        case .confirm(let request, let state):
            _ = Dialog(title: request.title, message: request.message, buttons: request.buttons, bodyHeight: 3, width: 64)
                .render(state, in: screen, frame: &frame, theme: theme)
        case .reader(let reader):
            let box = ConsoleGeometry.readerBox(model.size)
            frame.buffer.fill(box, style: theme[.dialog])
            let inner = Box(title: reader.title, role: .border, fillRole: .dialog).render(in: box, frame: &frame, theme: theme)
            for (row, line) in reader.lines.dropFirst(reader.offset).prefix(inner.height).enumerated() {
                _ = frame.buffer.write(line, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 2, style: theme[.dialog])
            }
            if reader.lines.count > inner.height {
                let position = "\(reader.offset + 1)–\(min(reader.lines.count, reader.offset + inner.height)) of \(reader.lines.count)"
                _ = frame.buffer.write(" \(position) ", x: box.maxX - DisplayWidth.of(position) - 4, y: box.maxY - 1, style: theme[.muted])
            }
        case .palette, .importPath, nil:
            break
        }
    }
}
