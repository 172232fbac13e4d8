import Foundation
import Provisioning

/// What the Push Groups tab reads from the store in one go.
public struct PushGroupsSnapshot: Sendable, Equatable {
    /// The app as the catalog names it, for the GROUP IN … column ("Axiad Cloud").
    public var targetName: String
    public var groups: [PushedGroup]
    public var rules: [PushRuleSummary]
    /// Why a push cannot be sent now (no sync in this console, the integration not configured); nil when it can.
    public var syncBlocker: String?
    /// When it was read: LAST PUSH is told relative to it ("2 min ago").
    public var readAt: Date

    public init(targetName: String, groups: [PushedGroup] = [], rules: [PushRuleSummary] = [], syncBlocker: String? = nil,
                readAt: Date = Date()) {
        self.targetName = targetName
        self.groups = groups
        self.rules = rules
        self.syncBlocker = syncBlocker
        self.readAt = readAt
    }
}
