/// A person in scope for an app, and why: assigned directly, through groups, or both.
public struct ScopedPerson: Sendable, Hashable {
    /// The person's id, as read with the row (never missing, unlike a `Person` not yet saved).
    public let personID: Int64
    public var person: Person
    /// Assigned to the app in person (the Assignments tab's X is live for them).
    public var assignedDirectly: Bool
    /// The assigned groups the person is in (the X is greyed when only these put them in scope).
    public var viaGroupIds: [Int64]

    public init(personID: Int64, person: Person, assignedDirectly: Bool, viaGroupIds: [Int64]) {
        self.personID = personID
        self.person = person
        self.assignedDirectly = assignedDirectly
        self.viaGroupIds = viaGroupIds
    }
}
