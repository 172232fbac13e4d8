extension ProvisioningSnapshot {
    /// People in scope for the app: active in the directory and assigned directly or through an
    /// assigned group. The planner and the full sync's drift both judge by this one rule.
    func inScopePersonIDs(groupsByID: [Int64: Group]? = nil) -> Set<Int64> {
        let groupsByID = groupsByID ?? Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var assigned = assignedPersonIDs
        for groupID in assignedGroupIDs {
            assigned.formUnion(groupsByID[groupID]?.memberIDs ?? [])
        }
        var inScope: Set<Int64> = []
        for person in people where person.status == .active && assigned.contains(person.id) {
            inScope.insert(person.id)
        }
        return inScope
    }
}
