import SCIM

/// The engine's `ProvisioningTarget` over a SCIM client, in one of the request profiles.
public struct SCIMProvisioningTarget: ProvisioningTarget {
    public var client: SCIMClient
    public var profile: ProvisioningProfile
    /// Set when user changes go through `/Bulk` (the rfc7644 profile, with a provider that announces it).
    public var bulkLimits: SCIMBulkLimits?
    /// The forms this app accepts for the requests some apps refuse (learned on earlier runs), and
    /// where a newly learned one is remembered.
    public var forms: RequestFormBook

    public init(client: SCIMClient, profile: ProvisioningProfile = .okta, bulkLimits: SCIMBulkLimits? = nil,
                forms: RequestFormBook = RequestFormBook()) {
        self.client = client
        self.profile = profile
        self.bulkLimits = profile == .rfc7644 ? bulkLimits : nil
        self.forms = forms
    }

    /// Bulk carries path PATCHes only: an app that refused them gets each change on its own.
    public var userChangeBatchSize: Int? { forms.forms.userUpdate == .paths ? bulkLimits?.maxOperations : nil }

    /// With Bulk: one PATCH per change (the profile's paths and `active`, as `updateUser` sends it
    /// alone), in requests of at most `maxOperations`. Without: one request per change.
    public func applyUserChanges(_ changes: [UserChange]) async -> [(any Error)?] {
        guard let bulkLimits, forms.forms.userUpdate == .paths else { return await applyUserChangesOneByOne(changes) }
        let operations = changes.map { change in
            let patch = change.profile.map { Self.patchOperations(for: $0.updatable, active: change.active) }
                ?? [SCIMPatchOperation(op: .replace, path: "active", value: .bool(change.active))]
            return SCIMBulkOperation.patch(SCIMUser.endpoint, id: change.remoteID, patch)
        }
        let results = await client.bulk(operations, maxOperations: bulkLimits.maxOperations, maxPayloadSize: bulkLimits.maxPayloadSize)
        return zip(changes, results).map { change, result in
            switch result {
            case .success: return nil
            case .failure(let error): return Self.translated(error, "user \(change.remoteID)")
            }
        }
    }

    public func findUser(userName: String) async throws -> RemoteUser? {
        try await translatingErrors("user \(userName)") {
            try await client.findUser(userName: userName).flatMap { user in
                user.id.map { RemoteUser(id: $0, userName: user.userName ?? userName, active: user.active) }
            }
        }
    }

    public func createUser(_ profile: MappedProfile) async throws -> String {
        try await translatingErrors("userName \(profile.userName ?? "")") {
            let created = try await client.createUser(ProfileEncoder.newUser(profile))
            guard let id = created.id else {
                throw SCIMClientError(kind: .notSCIM(reason: "the created user came back without an id"))
            }
            return id
        }
    }

    public func updateUser(id: String, profile: MappedProfile, active: Bool) async throws {
        try await translatingErrors("user \(id)") {
            switch self.profile {
            case .okta:
                // GET then a full PUT of what the app returned with the mapped values merged in.
                var user = try await client.get(SCIMUser.self, id: id)
                ProfileEncoder.apply(profile.updatable, to: &user)
                user.active = active
                _ = try await client.replace(user)
            case .rfc7644:
                try await updateUserInLearnedForm(id: id, profile: profile.updatable, active: active)
            }
        }
    }

    public func setUserActive(id: String, _ active: Bool) async throws {
        try await translatingErrors("user \(id)") {
            switch profile {
            case .okta: try await client.setActive(userId: id, active)
            case .rfc7644: try await client.patch(SCIMUser.self, id: id, [.replaceActiveAtPath(active)])
            }
        }
    }

    public func findGroups(displayName: String) async throws -> [String] {
        try await translatingErrors("group \(displayName)") {
            try await client.findGroups(displayName: displayName).compactMap(\.id)
        }
    }

    public func groupMembers(id: String) async throws -> [String] {
        try await translatingErrors("group \(id)") {
            try await client.get(SCIMGroup.self, id: id).members.compactMap(\.value)
        }
    }

    public func createGroup(displayName: String) async throws -> String {
        try await translatingErrors("group \(displayName)") {
            let created = try await client.createGroup(SCIMGroup(displayName: displayName, members: []))
            guard let id = created.id else {
                throw SCIMClientError(kind: .notSCIM(reason: "the created group came back without an id"))
            }
            return id
        }
    }

    public func renameGroup(id: String, to displayName: String) async throws {
        try await translatingErrors("group \(id)") { try await renameGroupInLearnedForm(id: id, to: displayName) }
    }

    public func changeMembers(groupID: String, add: [String], remove: [String]) async throws {
        try await changeMembers(groupID: groupID, add: add, remove: remove, displays: [:])
    }

    /// Okta sends each added member's userName as `display`; the rfc7644 profile sends ids alone.
    public func changeMembers(groupID: String, add: [String], remove: [String], displays: [String: String]) async throws {
        try await translatingErrors("group \(groupID)") {
            try await changeMembersInLearnedForm(groupID: groupID, add: add, remove: remove, displays: profile == .okta ? displays : [:])
        }
    }

    public func deleteGroup(id: String) async throws {
        try await translatingErrors("group \(id)") { try await client.delete(SCIMGroup.self, id: id) }
    }

    /// One `replace` per mapped attribute with its path, `remove` where the value is now null or empty.
    static func patchOperations(for profile: MappedProfile, active: Bool) -> [SCIMPatchOperation] {
        var operations: [SCIMPatchOperation] = []
        for (attribute, mapped) in profile.values {
            let path = SCIMAttributePath(attribute)?.normalizedForUser.patchPath ?? attribute
            if let value = ProfileEncoder.sendable(mapped) {
                operations.append(SCIMPatchOperation(op: .replace, path: path, value: .string(value)))
            } else {
                operations.append(SCIMPatchOperation(op: .remove, path: path))
            }
        }
        operations.append(SCIMPatchOperation(op: .replace, path: "active", value: .bool(active)))
        return operations
    }

    /// 409 and 404 become the engine's own errors; everything else passes as the client described it.
    func translatingErrors<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SCIMClientError {
            throw Self.translated(error, what)
        }
    }

    private static func translated(_ error: SCIMClientError, _ what: String) -> any Error {
        switch error.status {
        case 409: return ProvisioningTargetError.alreadyExists(what)
        case 404: return ProvisioningTargetError.notFound(what)
        default: return error
        }
    }
}
