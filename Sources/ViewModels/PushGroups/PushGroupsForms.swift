import Provisioning

/// The parts of the Push Groups tab that open over its table, each with what it holds while open.
extension PushGroupsViewModel {
    /// **+ Push Groups** ▾.
    public enum AddOption: Sendable, Equatable, CaseIterable {
        case byName, byRule

        public var label: String { self == .byName ? "Find groups by name" : "Find groups by rule" }
    }

    /// A pushed group's status menu (**Active ▾**).
    public enum StatusAction: Sendable, Equatable, CaseIterable {
        case pushNow, unlink

        public var label: String { self == .pushNow ? "Push Now" : "Unlink pushed group" }
    }

    /// *Find groups by name*: predictive search, the group clicked, **Save & Add Another** / **Save**.
    public struct FindByName: Sendable, Equatable {
        public var query = ""
        public var results: [PushableGroup] = []
        /// The search `results` answer; they are stale while it differs from `query`.
        public var resultsQuery: String?
        public var highlighted = 0
        /// The group picked from the results, the one Save pushes.
        public var chosen: PushableGroup?
        public var problem: String?
        public var isSaving = false
        /// Groups saved since the form opened (Save & Add Another); they are pushed when it closes.
        public var saved: [String] = []
        /// ⏎ came before the answer to the last keystroke: pick the first group of that answer.
        public var picksWhenFound = false

        public var resultsAreCurrent: Bool { resultsQuery == query.trimmingCharacters(in: .whitespaces) }
    }

    /// *Find groups by rule*: a rule name, and the group name AND description conditions.
    public struct RuleForm: Sendable, Equatable {
        public var name = ""
        public var nameOperator: PushGroupRule.Operator = .contains
        public var nameValue = ""
        public var descriptionOperator: PushGroupRule.Operator = .contains
        public var descriptionValue = ""
        /// The reason beside each field Create Rule refused.
        public var problems: [PushRuleDraft.Field: String] = [:]
        public var isSaving = false

        public var draft: PushRuleDraft {
            PushRuleDraft(name: name, groupName: .init(nameOperator, nameValue), groupDescription: .init(descriptionOperator, descriptionValue))
        }

        public func text(of field: PushRuleDraft.Field) -> String {
            switch field {
            case .ruleName: return name
            case .groupName: return nameValue
            case .groupDescription: return descriptionValue
            }
        }

        public func op(of field: PushRuleDraft.Field) -> PushGroupRule.Operator? {
            switch field {
            case .ruleName: return nil
            case .groupName: return nameOperator
            case .groupDescription: return descriptionOperator
            }
        }
    }

    /// The *Unlink pushed group* dialog: delete in the app (recommended, the default) or leave it there.
    public struct UnlinkChoice: Sendable, Equatable {
        public var groupID: Int64
        public var groupName: String
        public var deleteInTarget = true
        /// A rule matches the group, so the next sync would push it again.
        public var warning: String?
        public var isSaving = false

        public init(groupID: Int64, groupName: String, deleteInTarget: Bool = true, warning: String? = nil) {
            self.groupID = groupID
            self.groupName = groupName
            self.deleteInTarget = deleteInTarget
            self.warning = warning
        }
    }

    public enum Panel: Sendable, Equatable {
        case addMenu(highlighted: Int)
        case findByName(FindByName)
        case findByRule(RuleForm)
        case statusMenu(groupID: Int64, highlighted: Int)
        case unlink(UnlinkChoice)
        /// "Delete a rule": the rules to choose from.
        case ruleMenu(highlighted: Int)
        /// The chosen rule, waiting for the admin to confirm its deletion.
        case confirmRuleRemoval(name: String)
    }
}
