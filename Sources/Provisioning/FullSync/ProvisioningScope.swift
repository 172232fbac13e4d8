extension ProvisioningSnapshot {
    /// People in scope for the app: active in the directory and assigned directly or through an
    /// assigned group (the rule the planner applies; drift is judged against the same rule).
    func inScopePersonIDs() -> Set<Int64> {
        var assigned = assignedPersonIDs
        let groupsByID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for groupID in assignedGroupIDs {
            assigned.formUnion(groupsByID[groupID]?.memberIDs ?? [])
        }
        return Set(people.filter { $0.status == .active && assigned.contains($0.id) }.map(\.id))
    }
}
