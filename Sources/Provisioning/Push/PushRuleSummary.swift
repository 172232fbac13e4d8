/// A stored *Find groups by rule* rule and how many directory groups it matches now.
public struct PushRuleSummary: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var rule: PushGroupRule
    public var matchCount: Int

    public init(id: Int64, name: String, rule: PushGroupRule, matchCount: Int) {
        self.id = id
        self.name = name
        self.rule = rule
        self.matchCount = matchCount
    }

    /// `name contains "Sales" AND description contains "Active Directory"`.
    public var conditionsText: String {
        "name \(rule.groupName.op.rawValue) \"\(rule.groupName.value)\" AND description \(rule.groupDescription.op.rawValue) \"\(rule.groupDescription.value)\""
    }
}
