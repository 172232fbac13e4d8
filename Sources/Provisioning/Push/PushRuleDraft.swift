/// *Find groups by rule* as typed: the rule's name and its two conditions, checked before it is stored.
public struct PushRuleDraft: Sendable, Equatable {
    public enum Field: Sendable, Hashable, CaseIterable {
        case ruleName, groupName, groupDescription

        public var label: String {
            switch self {
            case .ruleName: return "rule name"
            case .groupName: return "group name"
            case .groupDescription: return "group description"
            }
        }
    }

    public var name: String
    public var groupName: PushGroupRule.Condition?
    public var groupDescription: PushGroupRule.Condition?

    public init(name: String, groupName: PushGroupRule.Condition?, groupDescription: PushGroupRule.Condition?) {
        self.name = name
        self.groupName = groupName
        self.groupDescription = groupDescription
    }

    /// What is wrong with each field; empty when the rule can be created. A condition counts as given
    /// only with a value: "contains nothing" would match every group, which the guide's rule never means.
    public func problems() -> [Field: GroupPushError] {
        var problems: [Field: GroupPushError] = [:]
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems[.ruleName] = .ruleNameMissing }
        if !Self.isGiven(groupName) { problems[.groupName] = .conditionMissing(.groupName) }
        if !Self.isGiven(groupDescription) { problems[.groupDescription] = .conditionMissing(.groupDescription) }
        return problems
    }

    static func isGiven(_ condition: PushGroupRule.Condition?) -> Bool {
        guard let condition else { return false }
        return !condition.value.trimmingCharacters(in: .whitespaces).isEmpty
    }
}
