/// Why a Push Groups change was refused, said so the admin knows what to do next.
public enum GroupPushError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The group has no push link for this app.
    case notPushed(String)
    case ruleNameMissing
    case ruleNameTaken(String)
    case noSuchRule(String)
    /// A rule needs both the group name and the group description condition (the guide: Okta requires both).
    case conditionMissing(PushRuleDraft.Field)
    /// The group is being unlinked; nothing else can be asked of it until the next sync carries that out.
    case unlinking(String)

    public var description: String {
        switch self {
        case .notPushed(let name): return "\(name) is not pushed to this app (see `scimdeck push list`)"
        case .ruleNameMissing: return "give the rule a name, to tell its groups apart"
        case .ruleNameTaken(let name): return "a rule named “\(name)” exists already; choose another name"
        case .noSuchRule(let name): return "this app has no push rule named “\(name)” (see `scimdeck push list`)"
        case .conditionMissing(let field): return "fill in the \(field.label) condition: a rule needs both"
        case .unlinking(let name): return "\(name) is being unlinked; the next sync carries that out"
        }
    }
}
