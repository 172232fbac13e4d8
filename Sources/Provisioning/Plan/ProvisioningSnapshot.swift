/// Everything the planner reads, loaded from the store in one read transaction.
/// Plain values: the planner never touches the store or the network.
public struct ProvisioningSnapshot: Sendable {
    public struct Person: Sendable, Equatable {
        public enum Status: String, Sendable, Codable { case active, suspended, deactivated }
        public var id: Int64
        public var login: String
        public var status: Status
        /// `user.<name>` values for the mapping expressions (login, firstName, lastName, email, …).
        public var profile: [String: String]

        public init(id: Int64, login: String, status: Status, profile: [String: String]) {
            self.id = id
            self.login = login
            self.status = status
            self.profile = profile
        }
    }

    public struct Group: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var description: String
        public var memberIDs: [Int64]

        public init(id: Int64, name: String, description: String = "", memberIDs: [Int64]) {
            self.id = id
            self.name = name
            self.description = description
            self.memberIDs = memberIDs
        }
    }

    /// What the app holds for one person, as far as scimdeck last knew.
    public struct UserLink: Sendable, Equatable {
        public var remoteID: String
        public var payloadHash: String?
        public var isActive: Bool

        public init(remoteID: String, payloadHash: String?, isActive: Bool) {
            self.remoteID = remoteID
            self.payloadHash = payloadHash
            self.isActive = isActive
        }
    }

    /// A group linked for push (by name or through a rule), with what was last pushed.
    public struct GroupPush: Sendable, Equatable {
        public enum Unlink: Sendable, Equatable { case keepInTarget, deleteInTarget }
        public var groupID: Int64
        public var remoteID: String?
        public var pushedName: String?
        public var pushedMemberIDs: Set<Int64>
        public var pushNowRequested: Bool
        public var unlink: Unlink?

        public init(groupID: Int64, remoteID: String? = nil, pushedName: String? = nil, pushedMemberIDs: Set<Int64> = [], pushNowRequested: Bool = false, unlink: Unlink? = nil) {
            self.groupID = groupID
            self.remoteID = remoteID
            self.pushedName = pushedName
            self.pushedMemberIDs = pushedMemberIDs
            self.pushNowRequested = pushNowRequested
            self.unlink = unlink
        }
    }

    public var settings: ProvisioningToggles
    public var mappings: [AttributeMapping]
    public var people: [Person]
    public var groups: [Group]
    public var assignedPersonIDs: Set<Int64>
    public var assignedGroupIDs: Set<Int64>
    public var userLinks: [Int64: UserLink]
    public var groupPushes: [GroupPush]
    public var pushRules: [PushGroupRule]
    /// People whose last create was never answered (a killed run, a timeout) and who have no link:
    /// the app may hold them, by this userName.
    public var unansweredCreates: [Int64: String] = [:]

    public init(
        settings: ProvisioningToggles, mappings: [AttributeMapping], people: [Person], groups: [Group],
        assignedPersonIDs: Set<Int64> = [], assignedGroupIDs: Set<Int64> = [], userLinks: [Int64: UserLink] = [:],
        groupPushes: [GroupPush] = [], pushRules: [PushGroupRule] = []
    ) {
        self.settings = settings
        self.mappings = mappings
        self.people = people
        self.groups = groups
        self.assignedPersonIDs = assignedPersonIDs
        self.assignedGroupIDs = assignedGroupIDs
        self.userLinks = userLinks
        self.groupPushes = groupPushes
        self.pushRules = pushRules
    }
}
