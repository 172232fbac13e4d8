import Terminal
import ViewModels

/// The Provisioning tab (SCREENS.md): the guide's left sub-menu (Settings · To App · Integration)
/// and the chosen section on the right.
struct ProvisioningView {
    let state: ProvisioningScreenState
    /// `ConsoleModel.spinnerFrame`, turned while Test API Credentials runs.
    let spinnerFrame: Int

    static let menuWidth = 13
    static let spinnerFrames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    static func spinner(_ frame: Int) -> String {
        String(spinnerFrames[((frame % spinnerFrames.count) + spinnerFrames.count) % spinnerFrames.count])
    }

    /// The sub-menu's column inside the app's panel.
    static func menu(in panel: Rect) -> Rect { Rect(x: panel.x, y: panel.y, width: menuWidth, height: panel.height) }

    /// The chosen section's area: right of the sub-menu and its divider.
    static func content(in panel: Rect) -> Rect { panel.inset(left: menuWidth + 2) }

    /// The sub-menu line under a click, if it is one of the sections.
    static func section(at point: Point, in panel: Rect) -> ProvisioningTabViewModel.Section? {
        let menu = menu(in: panel)
        guard menu.contains(point) else { return nil }
        let sections = ProvisioningTabViewModel.Section.allCases
        let index = point.y - menu.y - 1
        return sections.indices.contains(index) ? sections[index] : nil
    }

    /// `panel` is the inside of the app's box; the divider joins the box's top and bottom edges.
    func render(in panel: Rect, frame: inout Frame, theme: Theme) {
        guard panel.width > Self.menuWidth + 10, panel.height > 2 else { return }
        renderMenu(in: panel, frame: &frame, theme: theme)
        let divider = panel.x + Self.menuWidth
        for y in panel.y..<panel.maxY { frame.buffer.write("│", x: divider, y: y, style: theme[.border]) }
        if panel.y > 0 { frame.buffer.write("┬", x: divider, y: panel.y - 1, style: theme[.border]) }
        if panel.maxY < frame.buffer.height, frame.buffer[divider, panel.maxY].text == "─" {
            frame.buffer.write("┴", x: divider, y: panel.maxY, style: theme[.border])
        }
        let content = Self.content(in: panel)
        switch state.model.section {
        case .toApp:
            ProvisioningToAppView(state: state).render(in: content, frame: &frame, theme: theme)
        case .integration:
            ProvisioningIntegrationView(state: state, spinnerFrame: spinnerFrame).render(in: content, frame: &frame, theme: theme)
        }
        if state.isPickingPerson {
            PreviewPersonPickerView(state: state).render(in: content, frame: &frame, theme: theme)
        }
    }

    private func renderMenu(in panel: Rect, frame: inout Frame, theme: Theme) {
        let menu = Self.menu(in: panel)
        frame.buffer.write("Settings", x: menu.x + 1, y: menu.y, maxWidth: menu.width - 1, style: theme[.muted])
        for (index, section) in ProvisioningTabViewModel.Section.allCases.enumerated() where index + 1 < menu.height {
            let y = menu.y + 1 + index
            let chosen = section == state.model.section
            if chosen {
                frame.buffer.fill(Rect(x: menu.x, y: y, width: menu.width, height: 1), style: theme[.normal].patched(with: theme[.selection]))
            }
            let text = (chosen ? "▸ " : "  ") + section.label
            frame.buffer.write(text, x: menu.x, y: y, maxWidth: menu.width, style: chosen ? theme[.selection] : theme[.normal])
        }
    }
}
