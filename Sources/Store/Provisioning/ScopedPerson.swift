/// A person in scope for an app, and why: assigned directly, through groups, or both.
public struct ScopedPerson: Sendable, Hashable {
    public var person: Person
    /// Assigned to the app in person (the Assignments tab's X is live for them).
    public var assignedDirectly: Bool
    /// The assigned groups the person is in (the X is greyed when only these put them in scope).
    public var viaGroupIds: [Int64]

    public init(person: Person, assignedDirectly: Bool, viaGroupIds: [Int64]) {
        self.person = person
        self.assignedDirectly = assignedDirectly
        self.viaGroupIds = viaGroupIds
    }
}
