import Store

/// The `user.*` names a mapping expression can read for one person (`user.login`, `user.firstName`, …),
/// the same profile the planner maps, so a preview shows exactly what a sync would send.
public enum PersonProfile {
    public static func of(_ person: Person) -> [String: String] {
        SnapshotLoader.profile(person)
    }
}
