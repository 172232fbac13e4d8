/// What a finished operation changed, for the ledger to record in the same transaction as the
/// journal entry: a run killed between two effects loses neither.
public enum ProvisioningEffect: Sendable, Equatable {
    /// `payloadHash` nil: the profile was not sent, keep whatever hash the link had.
    case userLinked(personID: Int64, remoteID: String, payloadHash: String?, active: Bool)
    case userDeactivated(personID: Int64)
    /// The app no longer holds the user (404): forget the link so the next run provisions it again.
    case userLinkLost(personID: Int64)
    case groupLinked(groupID: Int64, remoteID: String, name: String)
    case groupRenamed(groupID: Int64, name: String)
    case membersAdded(groupID: Int64, personIDs: [Int64])
    case membersRemoved(groupID: Int64, personIDs: [Int64])
    case groupUnlinked(groupID: Int64)
    /// What a read found the app's group to hold, by directory person: replaces what scimdeck
    /// believed was pushed, so the plan sends the real difference.
    case membersObserved(groupID: Int64, personIDs: [Int64])
}
