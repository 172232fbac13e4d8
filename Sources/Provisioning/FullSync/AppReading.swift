import SCIM

/// What a read of the app found. A full read holds every user and group; Push Now reads only the
/// groups it re-sends, so what it did not read is not taken as gone.
public struct AppReading: Sendable {
    public enum Extent: Sendable, Equatable {
        /// Every user and every group the app holds.
        case everything
        /// Only these linked groups (by the app's id); users were not read.
        case groups(Set<String>)
    }

    public var extent: Extent
    public var users: [SCIMUser]
    public var groups: [SCIMGroup]

    public init(extent: Extent, users: [SCIMUser] = [], groups: [SCIMGroup]) {
        self.extent = extent
        self.users = users
        self.groups = groups
    }

    /// Whether the read would have seen the linked group `remoteID`, had the app held it.
    func looked(forGroup remoteID: String) -> Bool {
        switch extent {
        case .everything: return true
        case .groups(let ids): return ids.contains(remoteID)
        }
    }

    var readUsers: Bool { extent == .everything }
}
