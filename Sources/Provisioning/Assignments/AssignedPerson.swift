import Store

/// One person in an app's scope, as the Assignments tab lists them.
public struct AssignedPerson: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case pending, provisioned, deactivated, error
        /// Not active in the directory and never sent: a sync creates no one who is not active.
        case notActiveInDirectory
    }

    public var login: String
    public var displayName: String
    public var assignedDirectly: Bool
    /// The assigned groups that bring the person in, by name.
    public var viaGroups: [String]
    public var status: Status

    /// Only a direct assignment can be removed here; one made through a group goes with the group (the greyed ✕).
    public var isRemovable: Bool { assignedDirectly }

    /// "direct", "Group: Sales", or "direct, Group: Sales".
    public var assignedText: String {
        var parts: [String] = assignedDirectly ? ["direct"] : []
        if !viaGroups.isEmpty { parts.append("Group: " + viaGroups.joined(separator: ", ")) }
        return parts.joined(separator: ", ")
    }
}
