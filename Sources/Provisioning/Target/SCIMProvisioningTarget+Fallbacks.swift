import SCIM

/// The requests some apps refuse in the profile's form (stock django-scim2 answers 501 to a filtered
/// PATCH path, to a member removal by filter and to a group rename). Each steps down through
/// `RequestForms` once per refusal (400 or 501) and the form that worked is remembered for the app.
/// After a refusal the group is read first, so a lower form never adds a member twice or drops one.
extension SCIMProvisioningTarget {
    /// Sends with the app's learned form, stepping down on a refusal; the first refusal is thrown
    /// when every form is refused, any other failure as it is.
    func steppingDown<Form: RawRepresentable & CaseIterable & Equatable & Sendable>(
        _ keyPath: WritableKeyPath<RequestForms, Form> & Sendable, _ operation: RequestForms.Operation,
        _ send: (_ form: Form, _ afterRefusal: Bool) async throws -> Void
    ) async throws where Form.RawValue == String {
        let all = Array(Form.allCases)
        var index = all.firstIndex(of: forms.forms[keyPath: keyPath]) ?? 0
        var firstRefusal: (any Error)?
        while true {
            do {
                try await send(all[index], firstRefusal != nil)
                if firstRefusal != nil { forms.learned(all[index], for: operation, at: keyPath) }
                return
            } catch {
                guard RequestForms.isRefusal(error) else { throw error }
                let refusal = firstRefusal ?? error
                firstRefusal = refusal
                guard index + 1 < all.count else { throw refusal }
                index += 1
            }
        }
    }

    /// With ETags, a 412 (the resource changed since it was read) is met by reading it again and
    /// sending once more.
    func rereadingOnPreconditionFailed(_ send: () async throws -> Void) async throws {
        do {
            try await send()
        } catch let error as SCIMClientError where error.status == 412 && client.configuration.useETags {
            try await send()
        }
    }

    // MARK: Users (rfc7644)

    func updateUserInLearnedForm(id: String, profile: MappedProfile, active: Bool) async throws {
        try await steppingDown(\.userUpdate, .userUpdate) { form, _ in
            try await rereadingOnPreconditionFailed {
                switch form {
                case .paths:
                    // The version to match comes from a read: the ETag last seen is the one just read.
                    let version = client.configuration.useETags ? try await client.get(SCIMUser.self, id: id).meta?.version : nil
                    try await client.patch(SCIMUser.self, id: id, Self.patchOperations(for: profile, active: active), ifMatch: version)
                case .wholeAttributes:
                    let held = try await client.get(SCIMUser.self, id: id)
                    var merged = held
                    ProfileEncoder.apply(profile, to: &merged)
                    try await client.patch(SCIMUser.self, id: id, Self.wholeAttributeOperations(for: profile, merged: merged, active: active),
                                           ifMatch: client.configuration.useETags ? held.meta?.version : nil)
                case .put:
                    var user = try await client.get(SCIMUser.self, id: id)
                    ProfileEncoder.apply(profile, to: &user)
                    user.active = active
                    _ = try await client.replace(user)
                }
            }
        }
    }

    /// As `patchOperations`, but a filtered multi-valued path (`emails[primary eq true].value`) is
    /// sent as its whole attribute (`emails`), with the value the merged user holds.
    static func wholeAttributeOperations(for profile: MappedProfile, merged: SCIMUser, active: Bool) -> [SCIMPatchOperation] {
        var operations: [SCIMPatchOperation] = []
        var wholeSent = Set<String>()
        for (attribute, mapped) in profile.values {
            guard let path = SCIMAttributePath(attribute)?.normalizedForUser, path.selector != nil else {
                operations += patchOperations(for: MappedProfile(values: [(attribute: attribute, value: mapped)]), active: active).dropLast()
                continue
            }
            let whole = path.schemaURN.map { "\($0):\(path.attribute)" } ?? path.attribute
            guard wholeSent.insert(whole).inserted else { continue }
            let container = path.schemaURN.map { merged[attribute: $0]?.objectValue ?? [:] } ?? merged.attributes
            if let value = container.scimValue(forKey: path.attribute) {
                operations.append(SCIMPatchOperation(op: .replace, path: whole, value: value))
            } else {
                operations.append(SCIMPatchOperation(op: .remove, path: whole))
            }
        }
        operations.append(SCIMPatchOperation(op: .replace, path: "active", value: .bool(active)))
        return operations
    }

    // MARK: Groups

    func renameGroupInLearnedForm(id: String, to displayName: String) async throws {
        try await steppingDown(\.groupRename, .groupRename) { form, _ in
            try await rereadingOnPreconditionFailed {
                switch form {
                case .patch:
                    try await client.renameGroup(id: id, to: displayName, oktaShape: profile == .okta)
                case .put:
                    // The members as the app holds them go back unchanged: a rename never loses one.
                    var group = try await client.get(SCIMGroup.self, id: id)
                    group.displayName = displayName
                    _ = try await client.replace(group)
                }
            }
        }
    }

    func changeMembersInLearnedForm(groupID: String, add: [String], remove: [String], displays: [String: String]) async throws {
        guard !remove.isEmpty else {
            // Adding (`add members`) is what every app takes.
            _ = try await client.updateGroupMembers(id: groupID, add: add, displays: displays)
            return
        }
        try await steppingDown(\.memberRemoval, .memberRemoval) { form, afterRefusal in
            try await rereadingOnPreconditionFailed {
                try await sendMemberChange(form, groupID: groupID, add: add, remove: remove, displays: displays, afterRefusal: afterRefusal)
            }
        }
    }

    private func sendMemberChange(_ form: RequestForms.MemberRemoval, groupID: String, add: [String], remove: [String],
                                  displays: [String: String], afterRefusal: Bool) async throws {
        switch form {
        case .filteredPath, .valueList:
            var add = add
            var remove = remove
            if afterRefusal {
                // An earlier batch may have gone through before the refusal: send only what is left.
                let held = Set(try await client.get(SCIMGroup.self, id: groupID).members.compactMap(\.value))
                add = add.filter { !held.contains($0) }
                remove = remove.filter { held.contains($0) }
            }
            _ = try await client.updateGroupMembers(id: groupID, add: add, remove: remove, displays: displays,
                                                    removal: form == .valueList ? .valueList : .filteredPath)
        case .replaceAll, .put:
            var group = try await client.get(SCIMGroup.self, id: groupID)
            let removed = Set(remove)
            var members = group.members.filter { $0.value.map { !removed.contains($0) } ?? false }
                .map { SCIMMember(value: $0.value ?? "", display: $0.display) }
            let held = Set(members.compactMap(\.value))
            members += add.filter { !held.contains($0) }.map { SCIMMember(value: $0, display: displays[$0]) }
            if form == .replaceAll {
                try await client.patch(SCIMGroup.self, id: groupID, [.replaceMembers(members)],
                                       ifMatch: client.configuration.useETags ? group.meta?.version : nil)
            } else {
                group.members = members
                _ = try await client.replace(group)
                // Some apps take a group's PUT and keep their members (django-scim2 reads only the name): check.
                let kept = Set(try await client.get(SCIMGroup.self, id: groupID).members.compactMap(\.value))
                guard kept == Set(members.compactMap(\.value)) else { throw ProvisioningTargetError.membersNotChanged(groupID) }
            }
        }
    }
}
