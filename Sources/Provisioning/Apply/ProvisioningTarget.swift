/// The app's side of provisioning, in the engine's own terms. `SCIMProvisioningTarget` implements it
/// over the SCIM client with a request profile; the executor never sees HTTP or JSON.
public protocol ProvisioningTarget: Sendable {
    /// The user whose userName equals `userName` without regard to case, if the app holds one.
    func findUser(userName: String) async throws -> RemoteUser?
    /// Creates the user, active, with the mapped profile; returns its id in the app.
    /// Throws `ProvisioningTargetError.alreadyExists` when the app answers 409.
    func createUser(_ profile: MappedProfile) async throws -> String
    /// Makes the app's copy of the user match the mapped profile and `active`.
    func updateUser(id: String, profile: MappedProfile, active: Bool) async throws
    func setUserActive(id: String, _ active: Bool) async throws

    /// Ids of the groups named `displayName` (apps may hold several).
    func findGroups(displayName: String) async throws -> [String]
    /// The ids of the users the app's group holds.
    func groupMembers(id: String) async throws -> [String]
    func createGroup(displayName: String) async throws -> String
    func renameGroup(id: String, to displayName: String) async throws
    func changeMembers(groupID: String, add: [String], remove: [String]) async throws
    /// As above, with the userName of added members by remote id, for targets that send it (`display`).
    func changeMembers(groupID: String, add: [String], remove: [String], displays: [String: String]) async throws
    func deleteGroup(id: String) async throws

    /// Most user changes the target sends in one request (a SCIM Bulk), nil when it sends each on its own.
    var userChangeBatchSize: Int? { get }
    /// Sends the changes together; one outcome per change, in order: nil when done, else its error
    /// (`ProvisioningTargetError.notFound` when the app no longer holds the user).
    func applyUserChanges(_ changes: [UserChange]) async -> [(any Error)?]
}

extension ProvisioningTarget {
    public var userChangeBatchSize: Int? { nil }

    /// A target that sends no display names ignores them.
    public func changeMembers(groupID: String, add: [String], remove: [String], displays: [String: String]) async throws {
        try await changeMembers(groupID: groupID, add: add, remove: remove)
    }

    public func applyUserChanges(_ changes: [UserChange]) async -> [(any Error)?] {
        await applyUserChangesOneByOne(changes)
    }

    /// One change at a time, through the single-request calls.
    public func applyUserChangesOneByOne(_ changes: [UserChange]) async -> [(any Error)?] {
        var outcomes: [(any Error)?] = []
        for change in changes {
            do {
                if let profile = change.profile {
                    try await updateUser(id: change.remoteID, profile: profile, active: change.active)
                } else {
                    try await setUserActive(id: change.remoteID, change.active)
                }
                outcomes.append(nil)
            } catch {
                outcomes.append(error)
            }
        }
        return outcomes
    }
}

/// A user as the app holds it, as far as the engine needs to know.
public struct RemoteUser: Sendable, Equatable {
    public var id: String
    public var userName: String
    public var active: Bool

    public init(id: String, userName: String, active: Bool) {
        self.id = id
        self.userName = userName
        self.active = active
    }
}

/// Failures a target reports in terms the executor acts on; anything else is recorded as it is.
public enum ProvisioningTargetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 409: the app already holds a resource with this unique value.
    case alreadyExists(String)
    /// 404 on a resource scimdeck had linked: it was removed in the app.
    case notFound(String)
    /// A batch came back with fewer outcomes than changes sent: the rest may or may not have been done.
    case noAnswer
    /// The app took a PUT of the group with its new members but kept the old ones.
    case membersNotChanged(String)

    public var description: String {
        switch self {
        case .noAnswer: return "the app gave no answer for this change; it will be sent again on the next run"
        case .alreadyExists(let what): return "the app already holds \(what) (409)"
        case .notFound(let what): return "the app no longer holds \(what) (404)"
        case .membersNotChanged(let id): return "the app accepted a PUT of group \(id) but kept its members; no member form it takes is known"
        }
    }
}
