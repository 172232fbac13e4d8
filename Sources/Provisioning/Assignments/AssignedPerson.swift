import Store

/// One person in an app's scope, as the Assignments tab lists them.
public struct AssignedPerson: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        /// Not in the app yet; the next sync creates or links them.
        case pending
        case provisioned
        case deactivated
        /// The last operation for them failed, with the reason.
        case error(String)
        /// Another person maps to the same userName (the reason names it): nobody is sent.
        case conflict(String)
        /// A To App switch keeps their change from the app (the reason names the switch).
        case heldBack(String)
        /// Not active in the directory and never sent: a sync creates no one who is not active.
        case notActiveInDirectory

        /// Why the row is not as it should be; nil when nothing is wrong.
        public var reason: String? {
            switch self {
            case .error(let reason), .conflict(let reason), .heldBack(let reason): return reason
            default: return nil
            }
        }
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
