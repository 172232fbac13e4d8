import Foundation
import Store

/// One row of the Push Groups tab: a group linked for push and what the app holds for it.
public struct PushedGroup: Sendable, Equatable {
    public var groupID: Int64
    /// GROUP IN DIRECTORY.
    public var name: String
    /// The displayName last sent to the app; nil until the group exists there.
    public var remoteName: String?
    public var remoteID: String?
    public var lastPushedAt: Date?
    public var status: PushGroupLink.Status
    public var lastError: String?
    public var pushNowRequested: Bool
    /// Unlink pushed group was asked for; the next sync carries it out.
    public var unlinkAction: PushGroupLink.UnlinkAction?
    /// A rule that matches the group: the planner pushes it whatever its link says, so an unlink
    /// would not stick while the rule stands.
    public var matchingRule: String?

    public init(groupID: Int64, name: String, remoteName: String? = nil, remoteID: String? = nil, lastPushedAt: Date? = nil,
                status: PushGroupLink.Status = .pushing, lastError: String? = nil, pushNowRequested: Bool = false,
                unlinkAction: PushGroupLink.UnlinkAction? = nil, matchingRule: String? = nil) {
        self.groupID = groupID
        self.name = name
        self.remoteName = remoteName
        self.remoteID = remoteID
        self.lastPushedAt = lastPushedAt
        self.status = status
        self.lastError = lastError
        self.pushNowRequested = pushNowRequested
        self.unlinkAction = unlinkAction
        self.matchingRule = matchingRule
    }
}
