import Provisioning
import Terminal
import ViewModels

/// What opens over the Push Groups table: *Find groups by name*, *Find groups by rule*, and the
/// *Unlink pushed group* dialog, each a `Dialog` with its own widgets in the body.
struct PushGroupsFormsView {
    let state: PushGroupsScreenState
    let spinnerFrame: Int

    static let labelWidth = 20

    // MARK: Find groups by name

    func renderFindByName(_ find: PushGroupsViewModel.FindByName, in area: Rect, frame: inout Frame, theme: Theme) {
        let focus = state.findFocus
        let bodyHeight = max(4, min(12, area.height - 4))
        let dialog = Dialog(title: "Find groups by name", buttons: ["Cancel", find.isSaving ? "Saving…" : "Save & Add Another", "Save"],
                            bodyHeight: bodyHeight, width: min(72, area.width))
        let buttons = DialogState(buttonCount: 3, focusedButton: focus == .search ? -1 : focus.rawValue - 1)
        let body = dialog.render(buttons, in: area, frame: &frame, theme: theme).body
        guard body.height > 0 else { return }
        // How many groups the search found, once it has answered what the field holds.
        let found = find.resultsAreCurrent ? "  \(find.results.count) found" : ""
        let foundWidth = DisplayWidth.of(found)
        TextField(label: "Group", placeholder: "start typing a group's name", isFocused: focus == .search)
            .render(state.search, in: Rect(x: body.x, y: body.y, width: body.width - foundWidth, height: 1), frame: &frame, theme: theme)
        frame.buffer.write(found, x: body.maxX - foundWidth, y: body.y, style: theme[.dialog].patched(with: theme[.muted]))
        var y = body.y + 1
        let footer = (find.problem != nil ? 1 : 0) + (find.saved.isEmpty ? 0 : 1)
        let listRows = max(0, body.maxY - y - footer)
        if !find.resultsAreCurrent {
            frame.buffer.write(Spinner.frame(spinnerFrame) + " Searching…", x: body.x, y: y, style: theme[.dialog].patched(with: theme[.muted]))
        } else if find.results.isEmpty {
            frame.buffer.write("No group in the directory matches.", x: body.x, y: y, style: theme[.dialog].patched(with: theme[.muted]))
        } else {
            let offset = TableState.effectiveOffset(selected: find.highlighted, offset: 0, height: listRows, count: find.results.count)
            for line in 0..<listRows where offset + line < find.results.count {
                let group = find.results[offset + line]
                let members = group.memberCount == 1 ? "1 member" : "\(group.memberCount) members"
                let mark = group.isPushed ? "  (pushed)" : find.chosen?.id == group.id ? "  ✓ chosen" : ""
                let text = TextLayout.fit("  " + group.name + "  · " + members + mark, width: body.width)
                var style = group.isPushed ? theme[.dialog].patched(with: theme[.muted]) : theme[.dialog]
                if offset + line == find.highlighted, focus == .search { style = theme[.dialog].patched(with: theme[.selection]) }
                frame.buffer.write(text, x: body.x, y: y + line, style: style)
            }
        }
        y = body.maxY - footer
        if !find.saved.isEmpty {
            frame.buffer.write("Saved: " + find.saved.joined(separator: ", "), x: body.x, y: y, maxWidth: body.width,
                               style: theme[.dialog].patched(with: theme[.success]))
            y += 1
        }
        if let problem = find.problem {
            frame.buffer.write("✗ " + problem, x: body.x, y: y, maxWidth: body.width, style: theme[.dialog].patched(with: theme[.error]))
        }
    }

    // MARK: Find groups by rule

    func renderRuleForm(_ form: PushGroupsViewModel.RuleForm, in area: Rect, frame: inout Frame, theme: Theme) {
        typealias Control = PushGroupsScreenState.RuleControl
        let focus = state.ruleFocus
        let dialog = Dialog(title: "Find groups by rule", message: "Groups whose name AND description match are pushed. Fill in both.",
                            buttons: ["Cancel", form.isSaving ? "Creating…" : "Create Rule"], bodyHeight: 7, width: min(72, area.width))
        let focusedButton = focus == .cancel ? 0 : focus == .createRule ? 1 : -1
        let body = dialog.render(DialogState(buttonCount: 2, focusedButton: focusedButton), in: area, frame: &frame, theme: theme).body
        var y = body.y
        func line(_ draw: (Rect) -> Void) {
            guard y < body.maxY else { return }
            draw(Rect(x: body.x, y: y, width: body.width, height: 1))
            y += 1
        }
        func problem(_ field: PushRuleDraft.Field) {
            guard let reason = form.problems[field] else { return }
            line { row in
                frame.buffer.write("✗ " + reason, x: row.x + Self.labelWidth, y: row.y, maxWidth: row.width - Self.labelWidth,
                                   style: theme[.dialog].patched(with: theme[.error]))
            }
        }
        line { row in
            TextField(label: "Rule name", labelWidth: Self.labelWidth, placeholder: "e.g. AD groups", isFocused: focus == .ruleName)
                .render(field(.ruleName), in: row, frame: &frame, theme: theme)
        }
        problem(.ruleName)
        y += y < body.maxY && form.problems[.ruleName] == nil ? 1 : 0
        for (field, opControl, valueControl, label) in [(PushRuleDraft.Field.groupName, Control.nameOperator, Control.nameValue, "Group name"),
                                                         (.groupDescription, .descriptionOperator, .descriptionValue, "Group description")] {
            line { row in
                frame.buffer.write(TextLayout.fit(label, width: Self.labelWidth), x: row.x, y: row.y, style: theme[.dialog])
                let ops = PushGroupRule.Operator.allCases
                let choice = ChoiceState(options: ops.map(\.rawValue), selected: ops.firstIndex(of: form.op(of: field) ?? .contains) ?? 0)
                let opWidth = 14
                DropDown(isFocused: focus == opControl)
                    .render(choice, in: Rect(x: row.x + Self.labelWidth, y: row.y, width: opWidth, height: 1), frame: &frame, theme: theme)
                let valueX = row.x + Self.labelWidth + opWidth + 1
                TextField(placeholder: "text", isFocused: focus == valueControl)
                    .render(self.field(field), in: Rect(x: valueX, y: row.y, width: max(0, row.maxX - valueX), height: 1), frame: &frame, theme: theme)
            }
            problem(field)
        }
    }

    private func field(_ field: PushRuleDraft.Field) -> TextFieldState {
        state.ruleFields[field] ?? TextFieldState(maxLength: 200)
    }

    // MARK: Unlink pushed group

    func renderUnlink(_ choice: PushGroupsViewModel.UnlinkChoice, in area: Rect, frame: inout Frame, theme: Theme) {
        let dialog = Dialog(title: "Unlink pushed group: " + choice.groupName, message: choice.warning ?? "",
                            buttons: ["Cancel", choice.isSaving ? "Unlinking…" : "Unlink"], bodyHeight: 2, width: min(60, area.width))
        let body = dialog.render(state.unlinkButtons, in: area, frame: &frame, theme: theme).body
        let options = ChoiceState(options: ["Delete the group in the target app (recommended)", "Leave the group in the target app"],
                                  selected: choice.deleteInTarget ? 0 : 1)
        RadioGroup(isFocused: false).render(options, in: body, frame: &frame, theme: theme)
    }
}
