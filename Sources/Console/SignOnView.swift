import Foundation
import Provisioning
import Terminal
import ViewModels

/// The Sign On tab (guide steps 1.7–1.11): the settings read-only with [e] Edit, the form while editing,
/// the signing certificate, and Preview SAML over them once asked for.
struct SignOnView {
    let state: SignOnScreenState
    let spinnerFrame: Int

    static let labelWidth = 24

    func render(in area: Rect, frame: inout Frame, theme: Theme) {
        let (body, statusLine) = area.splitBottom(1)
        let tab = state.tab
        if tab.mode == .loading {
            _ = frame.buffer.write(Spinner.frame(spinnerFrame) + " Reading the Sign On settings…", x: body.x + 1, y: body.y, style: theme[.muted])
        } else if tab.preview != nil {
            SignOnPreviewView(state: state, spinnerFrame: spinnerFrame).render(in: body, frame: &frame, theme: theme)
        } else if tab.mode == .editing {
            renderForm(in: body, frame: &frame, theme: theme)
        } else {
            renderSettings(in: body, frame: &frame, theme: theme)
        }
        renderStatus(in: statusLine, frame: &frame, theme: theme)
        if let search = state.personSearch {
            renderPersonPicker(search, in: area, frame: &frame, theme: theme)
        }
        if let directory = state.writeDirectory {
            frame.buffer.fill(statusLine, style: theme[.normal])
            TextField(label: "Write the files into:", placeholder: "a directory", isFocused: true)
                .render(directory, in: statusLine.inset(left: 1, right: 1), frame: &frame, theme: theme)
        }
        renderPrompt(in: area, frame: &frame, theme: theme)
    }

    // MARK: Read view

    private func renderSettings(in area: Rect, frame: inout Frame, theme: Theme) {
        let settings = state.tab.saved
        var lines = LineWriter(area: area)
        lines.heading("SAML 2.0", trailing: "[e] Edit", frame: &frame, theme: theme)
        lines.field("Default Relay State", settings.defaultRelayState.isEmpty ? "—" : settings.defaultRelayState, frame: &frame, theme: theme)
        lines.heading("Advanced Sign-on Settings", frame: &frame, theme: theme)
        lines.field("ACS URL", settings.acsURL.isEmpty ? "— (required: press e)" : settings.acsURL, frame: &frame, theme: theme)
        lines.field("Audience URI", settings.audienceURI.isEmpty ? "— (required: press e)" : settings.audienceURI, frame: &frame, theme: theme)
        lines.field("Name ID format", settings.nameIDFormat.label, frame: &frame, theme: theme)
        let username = settings.applicationUsername
        lines.field("Application username", username.kind.label + (username.kind == .custom ? ": " : "  ") + username.expression, frame: &frame, theme: theme)
        let statements = settings.attributeStatements.map { "\($0.name) = \($0.expression)" }.joined(separator: ", ")
        lines.field("Attribute statements", statements.isEmpty ? "none" : statements, frame: &frame, theme: theme)
        lines.skip()
        lines.heading("SAML Signing Certificate", trailing: "[g] Generate new certificate", frame: &frame, theme: theme)
        if let certificate = state.tab.certificate {
            lines.field("SHA-256", certificate.fingerprintSHA256, frame: &frame, theme: theme)
            lines.field("Valid", DateText.day(certificate.notValidBefore) + " → " + DateText.day(certificate.notValidAfter), frame: &frame, theme: theme)
        } else {
            lines.field("Certificate", "made on first Preview SAML or metadata export", frame: &frame, theme: theme)
        }
        lines.skip()
        lines.text("[p] Preview SAML", role: .accent, frame: &frame, theme: theme)
    }

    // MARK: Edit

    private func renderForm(in area: Rect, frame: inout Frame, theme: Theme) {
        let tab = state.tab
        var lines = LineWriter(area: area)
        lines.heading("SAML 2.0", trailing: "Ctrl-S save · Esc cancel", frame: &frame, theme: theme)
        input(.defaultRelayState, label: "Default Relay State", placeholder: "optional: where the app lands after sign-in", &lines, frame: &frame, theme: theme)
        lines.heading("Advanced Sign-on Settings", frame: &frame, theme: theme)
        input(.acsURL, label: "ACS URL", placeholder: "https://… (Single sign-on URL)", &lines, frame: &frame, theme: theme)
        input(.audienceURI, label: "Audience URI", placeholder: "SP Entity ID", &lines, frame: &frame, theme: theme)
        choices("Name ID format", NameIDFormatChoice.allCases.map(\.label),
                selected: NameIDFormatChoice.allCases.firstIndex(of: tab.draft.nameIDFormat) ?? 0,
                focused: state.focus == .nameIDFormat, &lines, frame: &frame, theme: theme)
        choices("Application username", ApplicationUsername.Kind.allCases.map(\.label),
                selected: ApplicationUsername.Kind.allCases.firstIndex(of: tab.draft.usernameKind) ?? 0,
                focused: state.focus == .applicationUsername, &lines, frame: &frame, theme: theme)
        if tab.draft.usernameKind == .custom {
            input(.customExpression, label: "  expression", placeholder: "e.g. String.toLowerCase(user.email)", &lines, frame: &frame, theme: theme)
        } else if let problem = tab.problems[.applicationUsername] {
            lines.problem(problem, labelWidth: Self.labelWidth, frame: &frame, theme: theme)
        }
        lines.skip()
        guard let y = lines.next() else { return }
        var x = area.x + 1
        for (control, title) in [(SignOnControl.save, tab.isSaving ? "Saving…" : "Save"), (.cancel, "Cancel")] {
            x += Button(title, isFocused: state.focus == control, isEnabled: !tab.isSaving).render(at: Point(x: x, y: y), frame: &frame, theme: theme).width + 2
        }
    }

    private func input(_ control: SignOnControl, label: String, placeholder: String, _ lines: inout LineWriter, frame: inout Frame, theme: Theme) {
        guard let field = control.textField, let y = lines.next() else { return }
        let text = state.fields[field] ?? TextFieldState(text: state.tab.draft.text(of: field) ?? "")
        let row = Rect(x: lines.area.x + 1, y: y, width: lines.area.width - 2, height: 1)
        TextField(label: " " + label, labelWidth: Self.labelWidth, placeholder: placeholder, isFocused: state.focus == control)
            .render(text, in: row, frame: &frame, theme: theme)
        if let problem = state.tab.problems[field] { lines.problem(problem, labelWidth: Self.labelWidth, frame: &frame, theme: theme) }
    }

    /// A row of choices, `◉ EmailAddress  ○ Persistent`; ←→ change it when focused.
    private func choices(_ label: String, _ options: [String], selected: Int, focused: Bool, _ lines: inout LineWriter,
                         frame: inout Frame, theme: Theme) {
        guard let y = lines.next() else { return }
        let area = lines.area
        _ = frame.buffer.write(TextLayout.fit(" " + label, width: Self.labelWidth), x: area.x + 1, y: y, style: theme[focused ? .accent : .normal])
        var x = area.x + 1 + Self.labelWidth
        for (index, option) in options.enumerated() {
            let chosen = index == selected
            var style = theme[.normal]
            if chosen && focused { style = style.patched(with: theme[.selection]) }
            x += frame.buffer.write((chosen ? "◉ " : "○ ") + option, x: x, y: y, maxWidth: max(0, area.maxX - 1 - x), style: style) + 2
        }
    }

    // MARK: Status, picker, prompts

    private func renderStatus(in area: Rect, frame: inout Frame, theme: Theme) {
        guard let status = state.tab.status else { return }
        let busy = state.isBusy ? Spinner.frame(spinnerFrame) + " " : ""
        let mark = status.kind == .error ? "✗ " : ""
        _ = frame.buffer.write(busy + mark + status.text, x: area.x + 1, y: area.y, maxWidth: area.width - 2,
                               style: theme[status.kind == .error ? .error : .muted])
    }

    private func renderPersonPicker(_ search: TextFieldState, in area: Rect, frame: inout Frame, theme: Theme) {
        let people = state.tab.personChoices
        let height = min(area.height, max(6, min(people.count, 10) + 4))
        let box = Rect(x: area.x + 2, y: area.y + 1, width: max(10, area.width - 4), height: height)
        let inner = Box(title: "Preview SAML for…", role: .border, fillRole: .dialog).render(in: box, frame: &frame, theme: theme)
        TextField(label: "Person", placeholder: "type a name, login or email", isFocused: true)
            .render(search, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), frame: &frame, theme: theme)
        let listTop = inner.y + 1
        let rows = inner.maxY - listTop
        if !state.tab.personChoicesAreCurrent {
            _ = frame.buffer.write(Spinner.frame(spinnerFrame) + " Searching…", x: inner.x, y: listTop, style: theme[.muted])
            return
        }
        if people.isEmpty {
            _ = frame.buffer.write("Nobody in the directory matches.", x: inner.x, y: listTop, style: theme[.muted])
            return
        }
        let offset = TableState.effectiveOffset(selected: state.highlightedPerson, offset: 0, height: rows, count: people.count)
        for line in 0..<rows where offset + line < people.count {
            let person = people[offset + line]
            let text = TextLayout.fit((person.name.isEmpty ? "" : person.name + "  ") + person.login, width: inner.width)
            let style = offset + line == state.highlightedPerson ? theme[.dialog].patched(with: theme[.selection]) : theme[.dialog]
            _ = frame.buffer.write(text, x: inner.x, y: listTop + line, style: style)
        }
    }

    private func renderPrompt(in area: Rect, frame: inout Frame, theme: Theme) {
        let tab = state.tab
        if tab.confirmingLeave {
            _ = Dialog(title: "Unsaved changes", message: "The Sign On settings have changes that are not saved.",
                       buttons: ["Keep editing", "Discard changes"], width: 56)
                .render(state.dialog, in: area, frame: &frame, theme: theme)
        } else if tab.confirmingRotation {
            _ = Dialog(title: "Generate new certificate",
                       message: "Apps that trust the current certificate refuse sign-ons until they get the new IdP metadata.",
                       buttons: ["Cancel", "Generate"], width: 60)
                .render(state.dialog, in: area, frame: &frame, theme: theme)
        }
    }
}
