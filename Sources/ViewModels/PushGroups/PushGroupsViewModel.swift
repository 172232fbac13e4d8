import Foundation
import Provisioning

/// The Push Groups tab (the guide's steps 5–6): the pushed groups and their status, the rules,
/// **+ Push Groups** (*Find groups by name* with **Save & Add Another** / **Save**, *Find groups by rule*
/// with **Create Rule**), and on a group's status **Push Now** and **Unlink pushed group**.
/// Elm-shaped: `send` changes the state and returns effects; `PushGroupsEffectRunner` runs them, except
/// `.runSync`, which is the console's (the status goes Pushing → Active once the sync has sent the group).
public struct PushGroupsViewModel: Sendable, Equatable {
    public enum Phase: Sendable, Equatable { case loading, ready }

    public enum Intent: Sendable, Equatable {
        case appear
        /// Read the store again and keep what is open (after a sync, `r`).
        case refresh
        case loaded(PushGroupsSnapshot)
        case loadFailed(String)

        case openAddMenu
        case chooseAddOption(AddOption)
        /// ↑↓ in whichever list is open: a menu, or the search results.
        case moveHighlight(Int)
        /// Esc: closes what is open.
        case closePanel

        case searchGroups(String)
        case groupsFound(query: String, [PushableGroup])
        case searchFailed(String)
        /// The highlighted result is the group (the guide's "click on the Group").
        case pickGroup
        case save(addAnother: Bool)
        case groupPushed(name: String, addAnother: Bool, PushGroupsSnapshot)

        case setRuleText(PushRuleDraft.Field, String)
        case chooseOperator(PushRuleDraft.Field, PushGroupRule.Operator)
        case createRule
        case ruleCreated(name: String, PushGroupsSnapshot)
        case ruleRefused([PushRuleDraft.Field: String])

        case openStatusMenu(groupID: Int64)
        case chooseStatusAction(StatusAction)
        case pushedNow(name: String, PushGroupsSnapshot)
        case chooseUnlinkDelete(Bool)
        case confirmUnlink
        case unlinked(name: String, deleteInTarget: Bool, PushGroupsSnapshot)

        /// "Delete a rule": the list of rules, then a confirmation.
        case openRuleMenu
        case chooseRule
        case confirmRuleRemoval
        case ruleRemoved(name: String, PushGroupsSnapshot)

        /// A store change was refused: said in the open form, or on the status line.
        case actionFailed(String)
    }

    public enum Effect: Sendable, Equatable {
        case load
        case findGroups(String)
        case push(groupID: Int64, name: String, addAnother: Bool)
        case addRule(PushRuleDraft)
        case pushNow(groupID: Int64, name: String)
        case unlink(groupID: Int64, name: String, deleteInTarget: Bool)
        case removeRule(name: String)
        /// Sync the app now, so what was just asked for is sent (the console runs it with its progress bar).
        case runSync
    }

    public private(set) var phase: Phase = .loading
    public private(set) var snapshot = PushGroupsSnapshot(targetName: "the app")
    public private(set) var panel: Panel?
    public private(set) var status: StatusLine?
    /// The status says a push is on its way: the first read with nothing left pushing replaces it.
    private var statusAwaitsPush = false

    public init() {}

    public var isBusy: Bool { phase == .loading }

    // MARK: Update

    public mutating func send(_ intent: Intent) -> [Effect] {
        switch intent {
        case .appear:
            phase = .loading
            return [.load]
        case .refresh:
            return [.load]
        case .loaded(let snapshot):
            self.snapshot = snapshot
            phase = .ready
            if statusAwaitsPush, !snapshot.groups.contains(where: { $0.status == .pushing && $0.unlinkAction == nil }) {
                statusAwaitsPush = false
                let failed = snapshot.groups.filter { $0.status == .error }.map(\.name)
                status = failed.isEmpty ? .info("Pushed.") : .error("Not pushed: \(Self.list(failed)). The status says why; Push Now retries.")
            }
            return []
        case .loadFailed(let reason):
            phase = .ready
            status = .error("Could not read the pushed groups: \(reason)")
            return []

        case .openAddMenu:
            guard phase == .ready else { return [] }
            panel = .addMenu(highlighted: 0)
            return []
        case .chooseAddOption(let option):
            return chooseAddOption(option)
        case .moveHighlight(let step):
            moveHighlight(by: step)
            return []
        case .closePanel:
            return closePanel()

        case .searchGroups(let text): return searchGroups(text)
        case let .groupsFound(query, groups): return groupsFound(groups, for: query)
        case .searchFailed(let reason):
            updateFind { $0.problem = "Search failed: \(reason)" }
            return []
        case .pickGroup: return pickGroup()
        case .save(let addAnother): return save(addAnother: addAnother)
        case let .groupPushed(name, addAnother, snapshot): return groupPushed(name, addAnother: addAnother, snapshot)

        case let .setRuleText(field, text):
            updateRule { form in
                switch field {
                case .ruleName: form.name = text
                case .groupName: form.nameValue = text
                case .groupDescription: form.descriptionValue = text
                }
                form.problems[field] = nil
            }
            return []
        case let .chooseOperator(field, op):
            updateRule { form in
                if field == .groupName { form.nameOperator = op }
                if field == .groupDescription { form.descriptionOperator = op }
            }
            return []
        case .createRule: return createRule()
        case let .ruleCreated(name, snapshot): return ruleCreated(name, snapshot)
        case .ruleRefused(let problems):
            guard case .findByRule(var form) = panel else { return [] }
            form.problems = problems
            form.isSaving = false
            panel = .findByRule(form)
            return []

        case .openStatusMenu(let groupID): return openStatusMenu(groupID)
        case .chooseStatusAction(let action): return chooseStatusAction(action)
        case let .pushedNow(name, snapshot):
            self.snapshot = snapshot
            return syncOrExplain("Pushing \(name) now…", saved: "\(name) is marked for Push Now")
        case .chooseUnlinkDelete(let delete):
            guard case .unlink(var choice) = panel, !choice.isSaving else { return [] }
            choice.deleteInTarget = delete
            panel = .unlink(choice)
            return []
        case .confirmUnlink:
            guard case .unlink(var choice) = panel, !choice.isSaving else { return [] }
            choice.isSaving = true
            panel = .unlink(choice)
            return [.unlink(groupID: choice.groupID, name: choice.groupName, deleteInTarget: choice.deleteInTarget)]
        case let .unlinked(name, deleteInTarget, snapshot):
            self.snapshot = snapshot
            panel = nil
            let doing = deleteInTarget ? "Unlinking \(name) and deleting it in \(snapshot.targetName)…" : "Unlinking \(name); \(snapshot.targetName) keeps the group…"
            return syncOrExplain(doing, saved: "\(name) is marked for unlinking")

        case .openRuleMenu:
            guard phase == .ready, panel == nil else { return [] }
            guard !snapshot.rules.isEmpty else {
                status = .info("No rule to delete: + Push Groups ▸ Find groups by rule makes one.")
                return []
            }
            panel = .ruleMenu(highlighted: 0)
            return []
        case .chooseRule:
            guard case .ruleMenu(let highlighted) = panel, snapshot.rules.indices.contains(highlighted) else { return [] }
            panel = .confirmRuleRemoval(name: snapshot.rules[highlighted].name)
            return []
        case .confirmRuleRemoval:
            guard case .confirmRuleRemoval(let name) = panel else { return [] }
            return [.removeRule(name: name)]
        case let .ruleRemoved(name, snapshot):
            self.snapshot = snapshot
            panel = nil
            status = .info("Rule “\(name)” deleted. The groups it pushed stay pushed; unlink any you no longer want.")
            return []

        case .actionFailed(let reason):
            return actionFailed(reason)
        }
    }

    // MARK: Menus

    private mutating func chooseAddOption(_ option: AddOption) -> [Effect] {
        guard phase == .ready else { return [] }
        switch option {
        case .byName:
            panel = .findByName(FindByName())
            return [.findGroups("")]
        case .byRule:
            panel = .findByRule(RuleForm())
            return []
        }
    }

    private mutating func moveHighlight(by step: Int) {
        switch panel {
        case .addMenu(let highlighted):
            panel = .addMenu(highlighted: Self.clamp(highlighted + step, count: AddOption.allCases.count))
        case let .statusMenu(groupID, highlighted):
            panel = .statusMenu(groupID: groupID, highlighted: Self.clamp(highlighted + step, count: StatusAction.allCases.count))
        case .findByName(var find):
            find.highlighted = Self.clamp(find.highlighted + step, count: find.results.count)
            panel = .findByName(find)
        case .ruleMenu(let highlighted):
            panel = .ruleMenu(highlighted: Self.clamp(highlighted + step, count: snapshot.rules.count))
        case .findByRule, .unlink, .confirmRuleRemoval, nil:
            break
        }
    }

    private mutating func closePanel() -> [Effect] {
        guard let open = panel else { return [] }
        panel = nil
        // Groups saved with Save & Add Another are pushed once the admin is back on the tab, as the guide has it.
        if case .findByName(let find) = open, !find.saved.isEmpty {
            return syncOrExplain("Pushing \(Self.list(find.saved))…", saved: "\(Self.list(find.saved)) saved")
        }
        return []
    }

    // MARK: Find groups by name

    private mutating func searchGroups(_ text: String) -> [Effect] {
        guard case .findByName(var find) = panel, !find.isSaving else { return [] }
        find.query = text
        find.highlighted = 0
        find.problem = nil
        find.picksWhenFound = false
        if find.chosen?.name != text { find.chosen = nil }
        panel = .findByName(find)
        return [.findGroups(text.trimmingCharacters(in: .whitespaces))]
    }

    private mutating func groupsFound(_ groups: [PushableGroup], for query: String) -> [Effect] {
        guard case .findByName(var find) = panel else { return [] }
        // An answer to an earlier keystroke never replaces the answer to a later one.
        guard query == find.query.trimmingCharacters(in: .whitespaces) else { return [] }
        find.results = groups
        find.resultsQuery = query
        find.highlighted = Self.clamp(find.highlighted, count: groups.count)
        let pickNow = find.picksWhenFound
        find.picksWhenFound = false
        panel = .findByName(find)
        return pickNow ? pickGroup() : []
    }

    private mutating func pickGroup() -> [Effect] {
        guard case .findByName(var find) = panel, !find.isSaving else { return [] }
        guard find.resultsAreCurrent else {
            // Typed, then ⏎ before the search answered: pick from that answer when it comes.
            find.picksWhenFound = true
            panel = .findByName(find)
            return []
        }
        guard find.results.indices.contains(find.highlighted) else { return [] }
        let group = find.results[find.highlighted]
        if group.isPushed {
            find.problem = "\(group.name) is pushed already."
            find.chosen = nil
        } else {
            find.chosen = group
            find.query = group.name
            find.resultsQuery = group.name
            find.results = [group]
            find.highlighted = 0
            find.problem = nil
        }
        panel = .findByName(find)
        return []
    }

    private mutating func save(addAnother: Bool) -> [Effect] {
        guard case .findByName(var find) = panel, !find.isSaving else { return [] }
        guard let group = find.chosen else {
            find.problem = "Choose a group from the list first: type part of its name, ↑↓, ⏎."
            panel = .findByName(find)
            return []
        }
        find.isSaving = true
        find.problem = nil
        panel = .findByName(find)
        return [.push(groupID: group.id, name: group.name, addAnother: addAnother)]
    }

    private mutating func groupPushed(_ name: String, addAnother: Bool, _ snapshot: PushGroupsSnapshot) -> [Effect] {
        self.snapshot = snapshot
        guard case .findByName(let find) = panel else { return [] }
        let saved = find.saved + [name]
        if addAnother {
            var next = FindByName()
            next.saved = saved
            panel = .findByName(next)
            status = .info("\(name) saved. Find another group, or Esc to push what is saved.")
            return [.findGroups("")]
        }
        panel = nil
        return syncOrExplain("Pushing \(Self.list(saved))…", saved: "\(Self.list(saved)) saved")
    }

    private mutating func updateFind(_ change: (inout FindByName) -> Void) {
        guard case .findByName(var find) = panel else { return }
        change(&find)
        panel = .findByName(find)
    }

    // MARK: Find groups by rule

    private mutating func createRule() -> [Effect] {
        guard case .findByRule(var form) = panel, !form.isSaving else { return [] }
        let problems = form.draft.problems()
        if !problems.isEmpty {
            form.problems = problems.mapValues(\.description)
            panel = .findByRule(form)
            return []
        }
        form.problems = [:]
        form.isSaving = true
        panel = .findByRule(form)
        return [.addRule(form.draft)]
    }

    private mutating func ruleCreated(_ name: String, _ snapshot: PushGroupsSnapshot) -> [Effect] {
        self.snapshot = snapshot
        panel = nil
        let count = snapshot.rules.first { $0.name == name }?.matchCount ?? 0
        guard count > 0 else {
            status = .info("Rule “\(name)” created; it matches no group yet, and pushes the ones that come to match it.")
            return []
        }
        let groups = count == 1 ? "1 group" : "\(count) groups"
        return syncOrExplain("Rule “\(name)” created: pushing its \(groups)…", saved: "Rule “\(name)” created (\(groups))")
    }

    private mutating func updateRule(_ change: (inout RuleForm) -> Void) {
        guard case .findByRule(var form) = panel, !form.isSaving else { return }
        change(&form)
        panel = .findByRule(form)
    }

    // MARK: Status menu

    private mutating func openStatusMenu(_ groupID: Int64) -> [Effect] {
        guard phase == .ready, let group = snapshot.groups.first(where: { $0.groupID == groupID }) else { return [] }
        guard group.unlinkAction == nil else {
            status = .info("\(group.name) is being unlinked; the next sync carries it out.")
            return []
        }
        panel = .statusMenu(groupID: groupID, highlighted: 0)
        return []
    }

    private mutating func chooseStatusAction(_ action: StatusAction) -> [Effect] {
        guard case .statusMenu(let groupID, _) = panel, let group = snapshot.groups.first(where: { $0.groupID == groupID }) else { return [] }
        switch action {
        case .pushNow:
            panel = nil
            return [.pushNow(groupID: groupID, name: group.name)]
        case .unlink:
            let warning = group.matchingRule.map {
                "Rule “\($0)” matches \(group.name): the next sync pushes it again while the rule stands."
            }
            panel = .unlink(UnlinkChoice(groupID: groupID, groupName: group.name, warning: warning))
            return []
        }
    }

    // MARK: Shared

    private mutating func actionFailed(_ reason: String) -> [Effect] {
        switch panel {
        case .findByName(var find):
            find.isSaving = false
            find.problem = reason
            panel = .findByName(find)
        case .findByRule(var form):
            form.isSaving = false
            form.problems[.ruleName] = reason
            panel = .findByRule(form)
        case .unlink, .confirmRuleRemoval:
            panel = nil
            status = .error(reason)
        default:
            status = .error(reason)
        }
        return []
    }

    /// Asks for a sync when one can run; otherwise says what was saved and why it waits.
    private mutating func syncOrExplain(_ pushing: String, saved: String) -> [Effect] {
        if let blocker = snapshot.syncBlocker {
            status = .error("\(saved), not sent yet: \(blocker)")
            return []
        }
        status = .info(pushing)
        statusAwaitsPush = true
        return [.runSync]
    }

    static func clamp(_ index: Int, count: Int) -> Int { min(max(0, index), max(0, count - 1)) }

    /// "Sales", "Sales and Engineering", "Sales, Engineering and Finance".
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + last
    }
}
