/// A group assigned to an app: its members are in scope, the group itself is not pushed (guide step 3.2).
public struct AssignedGroup: Sendable, Hashable {
    public var name: String
    public var description: String
    public var memberCount: Int
}
