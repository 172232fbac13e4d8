/// What reconcile found: links it made, and where the app and the directory disagree.
public struct ReconcileReport: Sendable, Equatable {
    public struct UserLink: Sendable, Equatable {
        public var personID: Int64
        public var userName: String
        public var remoteID: String
    }

    public struct GroupLink: Sendable, Equatable {
        public var groupID: Int64
        public var name: String
        public var remoteID: String
    }

    public struct AttributeDrift: Sendable, Equatable {
        public var userName: String
        public var attribute: String
        public var inApp: String?
        public var inDirectory: String?

        public init(userName: String, attribute: String, inApp: String?, inDirectory: String?) {
            self.userName = userName
            self.attribute = attribute
            self.inApp = inApp
            self.inDirectory = inDirectory
        }
    }

    public struct MemberDrift: Sendable, Equatable {
        public var group: String
        /// In scope and linked, but not in the app's group.
        public var missingInApp: Int
        /// In the app's group, but not a member in the directory.
        public var extraInApp: Int
        /// The people the app's group holds, by directory id.
        public var appMembers: [Int64]
    }

    /// Unlinked directory people matched to an app user by userName (any case).
    public var linkedUsers: [UserLink] = []
    /// Pushed groups without a link matched to an app group by displayName.
    public var linkedGroups: [GroupLink] = []
    /// App users no directory person maps to.
    public var unknownRemoteUsers: [String] = []
    /// Linked people whose app user is gone.
    public var missingRemoteUsers: [Int64] = []
    /// Mapped values that differ between the app and the directory.
    public var attributeDrift: [AttributeDrift] = []
    public var memberDrift: [MemberDrift] = []
    /// Every difference `sync --full` would correct, from the same computation (duplicate groups
    /// and members no directory person is linked to included).
    public var drift: [DriftCorrection] = []

    public init() {}

    public var isInSync: Bool {
        linkedUsers.isEmpty && linkedGroups.isEmpty && unknownRemoteUsers.isEmpty && missingRemoteUsers.isEmpty
            && attributeDrift.isEmpty && memberDrift.isEmpty && drift.isEmpty
    }
}
