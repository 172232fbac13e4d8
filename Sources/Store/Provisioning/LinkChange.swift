/// A change to what scimdeck knows of an app, written with the journal entry that caused it.
public enum LinkChange: Sendable, Equatable {
    /// `payloadHash` nil keeps the hash the link had.
    case linkUser(personId: Int64, remoteId: String, payloadHash: String?, active: Bool)
    case markUserDeactivated(personId: Int64)
    case unlinkUser(personId: Int64)
    case linkGroup(groupId: Int64, remoteId: String, name: String)
    case renameGroup(groupId: Int64, name: String)
    case addPushedMembers(groupId: Int64, personIds: [Int64])
    case removePushedMembers(groupId: Int64, personIds: [Int64])
    case unlinkGroup(groupId: Int64)
    /// What the app's group holds now, as reconcile read it: the next sync sends the difference.
    case replacePushedMembers(groupId: Int64, personIds: [Int64])
}
