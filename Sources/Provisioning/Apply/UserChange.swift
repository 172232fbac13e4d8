/// A change to a user the app already holds (an update, a deactivation, a reactivation): sending it
/// twice leaves the app as sending it once, so a target may carry many in one request.
public struct UserChange: Sendable, Equatable {
    public var remoteID: String
    /// The mapped profile to send with it; nil when only `active` changes.
    public var profile: MappedProfile?
    public var active: Bool

    public init(remoteID: String, profile: MappedProfile?, active: Bool) {
        self.remoteID = remoteID
        self.profile = profile
        self.active = active
    }
}
