import Terminal
import ViewModels

/// Provisioning → Integration (guide steps 2.1–2.4): the saved settings with **Configure API
/// Integration** / **Edit**, then the form: *Enable API integration*, *Base URL*, *API Token* (bullets
/// only), a token file, **Test API Credentials**, **Save**, **Cancel**.
struct ProvisioningIntegrationView {
    let state: ProvisioningScreenState
    let spinnerFrame: Int

    static let labelWidth = 13

    private var integration: IntegrationViewModel { state.model.integration }

    func render(in area: Rect, frame: inout Frame, theme: Theme) {
        guard area.height > 4 else { return }
        switch integration.phase {
        case .loading:
            frame.buffer.write("API Integration", x: area.x, y: area.y, style: theme[.title])
            frame.buffer.write("Reading the settings…", x: area.x + 1, y: area.y + 1, style: theme[.muted])
        case .summary:
            renderSummary(in: area, frame: &frame, theme: theme)
        case .editing:
            renderForm(in: area, frame: &frame, theme: theme)
        }
    }

    private func renderSummary(in area: Rect, frame: inout Frame, theme: Theme) {
        frame.buffer.write("API Integration", x: area.x, y: area.y, maxWidth: area.width, style: theme[.title])
        let saved = integration.saved
        let fields: [(String, String)] = [
            ("Enable API integration", saved.apiIntegrationEnabled ? "☑ on" : "☐ off"),
            ("Base URL", saved.baseURL.isEmpty ? "—" : saved.baseURL),
            ("API Token", saved.tokenHint ?? "not set"),
        ]
        for (index, field) in fields.enumerated() {
            let y = area.y + 1 + index
            frame.buffer.write(TextLayout.fit(field.0, width: 23), x: area.x + 1, y: y, style: theme[.muted])
            frame.buffer.write(field.1, x: area.x + 25, y: y, maxWidth: max(0, area.width - 25), style: theme[.normal])
        }
        let button = Button(integration.configureLabel, isFocused: true)
        button.render(at: Point(x: area.x + 1, y: area.y + 5), maxWidth: area.width - 1, frame: &frame, theme: theme)
        let hint = "⏎ or e"
        if area.width > button.width + DisplayWidth.of(hint) + 4 {
            frame.buffer.write(hint, x: area.x + 2 + button.width + 1, y: area.y + 5, style: theme[.muted])
        }
        if let notice = integration.notice, area.height > 7 {
            frame.buffer.write(notice, x: area.x + 1, y: area.y + 7, maxWidth: area.width - 1, style: theme[ProvisioningToAppView.role(of: notice)])
        }
    }

    private func renderForm(in area: Rect, frame: inout Frame, theme: Theme) {
        let focus = state.integrationControl
        frame.buffer.write("Configure API Integration", x: area.x, y: area.y, maxWidth: area.width, style: theme[.title])
        let keys = "Ctrl-T test · Ctrl-S save · Esc cancel"
        if area.width > DisplayWidth.of(keys) + 28 {
            frame.buffer.write(keys, x: area.maxX - DisplayWidth.of(keys) - 1, y: area.y, style: theme[.muted])
        }
        Checkbox(label: "Enable API integration", isChecked: integration.apiIntegrationEnabled, isFocused: focus == .enable)
            .render(in: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 1, height: 1), frame: &frame, theme: theme)

        // Only the focused field places the terminal cursor.
        var cursor: Point?
        func field(_ label: String, _ text: TextFieldState, at y: Int, control: IntegrationControl, placeholder: String, masked: Bool = false) {
            TextField(label: label, labelWidth: Self.labelWidth, placeholder: placeholder, isMasked: masked, isFocused: focus == control)
                .render(text, in: Rect(x: area.x + 1, y: y, width: area.width - 2, height: 1), frame: &frame, theme: theme)
            if focus == control { cursor = frame.cursor }
        }
        let noteX = area.x + 1 + Self.labelWidth
        let noteWidth = max(0, area.maxX - noteX)
        field("Base URL", state.baseURL, at: area.y + 2, control: .baseURL, placeholder: "https://…/scim/v2")
        if let problem = integration.baseURLProblem {
            frame.buffer.write(TextLayout.truncate(problem, toWidth: noteWidth), x: noteX, y: area.y + 3, maxWidth: noteWidth, style: theme[.warning])
        }
        // The field is given bullets, never the token: one per character the view model holds.
        let bullets = TextFieldState(text: integration.tokenInput.masked)
        let storedHint = integration.saved.tokenHint.map { "\($0) (stored; type to replace)" } ?? "type or paste the token"
        field("API Token", bullets, at: area.y + 4, control: .token, placeholder: storedHint, masked: true)
        let tokenNote = integration.tokenProblem
            ?? integration.tokenFile.map { "read from \($0)" }
            ?? (focus == .token ? "typed characters show as •; Ctrl-U clears" : nil)
        if let tokenNote {
            let role: ThemeRole = integration.tokenProblem == nil ? .muted : .warning
            frame.buffer.write(TextLayout.truncate(tokenNote, toWidth: noteWidth), x: noteX, y: area.y + 5, maxWidth: noteWidth, style: theme[role])
        }
        field("Token file", state.tokenFile, at: area.y + 6, control: .tokenFile, placeholder: "or a file holding the token")
        if focus == .tokenFile {
            frame.buffer.write("⏎ reads the token from this file", x: noteX, y: area.y + 7, maxWidth: noteWidth, style: theme[.muted])
        }

        let test = Button("Test API Credentials", isFocused: focus == .test, isEnabled: integration.canTestCredentials || integration.credentialTest == .testing)
        test.render(at: Point(x: area.x + 1, y: area.y + 9), frame: &frame, theme: theme)
        if integration.credentialTest == .testing {
            let text = ProvisioningView.spinner(spinnerFrame) + " " + (integration.credentialStatusText ?? "")
            frame.buffer.write(text, x: area.x + 3 + test.width, y: area.y + 9, maxWidth: max(0, area.maxX - area.x - 3 - test.width), style: theme[.accent])
        } else if let status = integration.credentialStatusText {
            let role: ThemeRole = integration.credentialTest.succeeded ? .success : .error
            let lines = TextLayout.wrap(status, width: max(1, area.width - 2))
            for (index, line) in lines.prefix(3).enumerated() {
                frame.buffer.write(line, x: area.x + 1, y: area.y + 10 + index, maxWidth: area.width - 1, style: theme[role])
            }
        }

        let save = Button("Save", isFocused: focus == .save, isEnabled: integration.isSaveEnabled)
        let cancel = Button("Cancel", isFocused: focus == .cancel)
        let buttonsY = area.y + 13
        guard buttonsY < area.maxY else {
            frame.cursor = cursor
            return
        }
        save.render(at: Point(x: area.x + 1, y: buttonsY), frame: &frame, theme: theme)
        cancel.render(at: Point(x: area.x + 3 + save.width, y: buttonsY), frame: &frame, theme: theme)
        let afterButtons = area.x + 5 + save.width + cancel.width
        let why = integration.saveProblem
            ?? (integration.isSaveEnabled ? nil : "Test API Credentials first (Save asks when they are not verified)")
        if let why {
            frame.buffer.write(TextLayout.truncate(why, toWidth: max(0, area.maxX - afterButtons - 1)), x: afterButtons, y: buttonsY, style: theme[.muted])
        }
        // "Saved." belongs to the summary it returned to, not to the next edit.
        if let notice = integration.notice, notice != "Saved.", buttonsY + 1 < area.maxY {
            frame.buffer.write(notice, x: area.x + 1, y: buttonsY + 1, maxWidth: area.width - 1, style: theme[ProvisioningToAppView.role(of: notice)])
        }
        frame.cursor = cursor
    }
}
