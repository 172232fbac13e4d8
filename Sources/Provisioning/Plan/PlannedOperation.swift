/// One step of a plan: what to send to the app, and for which directory object.
public enum PlannedOperation: Sendable, Equatable {
    /// Look the userName up first (case-insensitively); link it if found, else POST /Users.
    case provisionUser(personID: Int64, profile: MappedProfile)
    case updateUser(personID: Int64, remoteID: String, profile: MappedProfile)
    case deactivateUser(personID: Int64, remoteID: String)
    /// PATCH active=true, then update the profile when it changed.
    case reactivateUser(personID: Int64, remoteID: String, profile: MappedProfile)
    /// Look the displayName up first (apps accept duplicate names), else POST /Groups.
    /// `members`: the directory people the group is to hold. When the app already has a group of
    /// this name it is linked, and whoever it holds beyond them is removed (it was the app's, or a
    /// group unlinked earlier and pushed again: what it holds is not what scimdeck sent).
    case createGroup(groupID: Int64, name: String, members: [Int64])
    case renameGroup(groupID: Int64, remoteID: String, name: String)
    /// Members are directory person ids; the executor resolves them to remote ids at send time,
    /// so people created earlier in the same run can be added.
    case addMembers(groupID: Int64, personIDs: [Int64])
    case removeMembers(groupID: Int64, personIDs: [Int64])
    case deleteGroup(groupID: Int64, remoteID: String)
    /// Unlink without delete: forget the link, leave the remote group.
    case forgetGroup(groupID: Int64)
    /// A create whose answer was never had (a killed run, a timeout) for someone now out of scope:
    /// look the userName up, and deactivate and link the user if the app made it after all.
    case settleUncertainUser(personID: Int64, userName: String)
    /// Members a full read found in the app's group that no directory person is linked to (added
    /// in the app, or left dangling by a user deleted there): removed by their ids in the app.
    case removeRemoteMembers(groupID: Int64, remoteIDs: [String])
    /// Another group the app holds under a pushed group's name: deleted, the linked one kept.
    case deleteDuplicateGroup(groupID: Int64, remoteID: String)

    public enum Kind: String, Sendable, CaseIterable, Codable {
        case provisionUser = "create or link user"
        case updateUser = "update user"
        case deactivateUser = "deactivate user"
        case reactivateUser = "reactivate user"
        case createGroup = "create group"
        case renameGroup = "rename group"
        case addMembers = "add members"
        case removeMembers = "remove members"
        case deleteGroup = "delete group"
        case forgetGroup = "unlink group"
        case settleUncertainUser = "settle an unanswered create"
        case removeRemoteMembers = "remove stray members"
        case deleteDuplicateGroup = "delete duplicate group"
    }

    public var kind: Kind {
        switch self {
        case .provisionUser: return .provisionUser
        case .updateUser: return .updateUser
        case .deactivateUser: return .deactivateUser
        case .reactivateUser: return .reactivateUser
        case .createGroup: return .createGroup
        case .renameGroup: return .renameGroup
        case .addMembers: return .addMembers
        case .removeMembers: return .removeMembers
        case .deleteGroup: return .deleteGroup
        case .forgetGroup: return .forgetGroup
        case .settleUncertainUser: return .settleUncertainUser
        case .removeRemoteMembers: return .removeRemoteMembers
        case .deleteDuplicateGroup: return .deleteDuplicateGroup
        }
    }
}
