import Foundation
import Provisioning

/// An app held in memory, with the lookups a SCIM app answers and faults a test can switch on.
actor FakeApp: ProvisioningTarget {
    struct User: Equatable { var id: String; var userName: String; var active: Bool; var profile: [String: String] }
    struct Group: Equatable { var id: String; var displayName: String; var members: [String] }

    private(set) var users: [String: User] = [:]
    private(set) var groups: [String: Group] = [:]
    private(set) var requests: [String] = []
    private var nextID = 1

    /// userNames whose create is carried out but whose answer is "lost" (throws after creating).
    var loseCreateAnswerFor: Set<String> = []
    /// userNames whose create fails outright.
    var failCreateFor: Set<String> = []
    /// Pause per request, so concurrency can be observed.
    var latency: Duration = .zero
    private var inFlight = 0
    private(set) var maxInFlight = 0
    /// Groups that saw two membership changes at once.
    private var groupsBeingChanged: Set<String> = []
    private(set) var overlappingMemberChanges = 0

    func configure(_ change: @Sendable (isolated FakeApp) -> Void) { change(self) }

    private func begin(_ request: String) async {
        requests.append(request)
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        if latency > .zero { try? await Task.sleep(for: latency) }
    }

    private func end() { inFlight -= 1 }

    private func makeID() -> String {
        defer { nextID += 1 }
        return "id-\(nextID)"
    }

    func findUser(userName: String) async throws -> RemoteUser? {
        await begin("GET /Users?filter=userName eq \(userName)")
        defer { end() }
        return users.values.first { $0.userName.lowercased() == userName.lowercased() }.map { RemoteUser(id: $0.id, userName: $0.userName, active: $0.active) }
    }

    func createUser(_ profile: MappedProfile) async throws -> String {
        let userName = profile.userName ?? ""
        await begin("POST /Users \(userName)")
        defer { end() }
        if failCreateFor.contains(userName) { throw FakeAppError.refused(userName) }
        if users.values.contains(where: { $0.userName.lowercased() == userName.lowercased() }) {
            throw ProvisioningTargetError.alreadyExists("userName \(userName)")
        }
        let id = makeID()
        users[id] = User(id: id, userName: userName, active: true, profile: Self.flatten(profile))
        if loseCreateAnswerFor.contains(userName) { throw FakeAppError.connectionCut }
        return id
    }

    func updateUser(id: String, profile: MappedProfile, active: Bool) async throws {
        await begin("PUT /Users/\(id)")
        defer { end() }
        guard users[id] != nil else { throw ProvisioningTargetError.notFound("user \(id)") }
        users[id]?.profile = Self.flatten(profile)
        users[id]?.active = active
    }

    func setUserActive(id: String, _ active: Bool) async throws {
        await begin("PATCH /Users/\(id) active=\(active)")
        defer { end() }
        guard users[id] != nil else { throw ProvisioningTargetError.notFound("user \(id)") }
        users[id]?.active = active
    }

    func findGroups(displayName: String) async throws -> [String] {
        await begin("GET /Groups?filter=displayName eq \(displayName)")
        defer { end() }
        return groups.values.filter { $0.displayName == displayName }.map(\.id).sorted()
    }

    func groupMembers(id: String) async throws -> [String] {
        await begin("GET /Groups/\(id)")
        defer { end() }
        guard let group = groups[id] else { throw ProvisioningTargetError.notFound("group \(id)") }
        return group.members
    }

    func createGroup(displayName: String) async throws -> String {
        await begin("POST /Groups \(displayName)")
        defer { end() }
        let id = makeID()
        groups[id] = Group(id: id, displayName: displayName, members: [])
        return id
    }

    func renameGroup(id: String, to displayName: String) async throws {
        await begin("PATCH /Groups/\(id) displayName")
        defer { end() }
        guard groups[id] != nil else { throw ProvisioningTargetError.notFound("group \(id)") }
        groups[id]?.displayName = displayName
    }

    func changeMembers(groupID: String, add: [String], remove: [String]) async throws {
        if !groupsBeingChanged.insert(groupID).inserted { overlappingMemberChanges += 1 }
        await begin("PATCH /Groups/\(groupID) members +\(add.count) -\(remove.count)")
        defer { end(); groupsBeingChanged.remove(groupID) }
        guard var group = groups[groupID] else { throw ProvisioningTargetError.notFound("group \(groupID)") }
        group.members.removeAll { remove.contains($0) }
        for member in add where !group.members.contains(member) { group.members.append(member) }
        groups[groupID] = group
    }

    func deleteGroup(id: String) async throws {
        await begin("DELETE /Groups/\(id)")
        defer { end() }
        guard groups.removeValue(forKey: id) != nil else { throw ProvisioningTargetError.notFound("group \(id)") }
    }

    /// The user deleted in the app by someone else.
    func remove(userID: String) {
        users[userID] = nil
    }

    func userNamed(_ userName: String) -> User? {
        users.values.first { $0.userName == userName }
    }

    private static func flatten(_ profile: MappedProfile) -> [String: String] {
        var flat: [String: String] = [:]
        for (attribute, value) in profile.values { flat[attribute] = value }
        return flat
    }
}

enum FakeAppError: Error, CustomStringConvertible {
    case refused(String)
    case connectionCut

    var description: String {
        switch self {
        case .refused(let userName): return "the app refused \(userName)"
        case .connectionCut: return "connection cut before the answer"
        }
    }
}
