import JSON

/// One operation of a PATCH request (RFC 7644 §3.5.2).
public struct SCIMPatchOperation: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case add, remove, replace
    }

    public var op: Kind
    public var path: String?
    public var value: JSONValue?

    public init(op: Kind, path: String? = nil, value: JSONValue? = nil) {
        self.op = op
        self.path = path
        self.value = value
    }

    var json: JSONValue {
        var object: JSONObject = ["op": .string(op.rawValue)]
        if let path { object["path"] = .string(path) }
        if let value { object["value"] = value }
        return .object(object)
    }

    /// Deactivate / reactivate, as Okta sends it: no path, `value: {"active": false}`.
    public static func replaceActive(_ active: Bool) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .replace, value: ["active": .bool(active)])
    }

    /// Deactivate / reactivate with a path (RFC 7644 §3.5.2.3): `{"op":"replace","path":"active","value":false}`.
    public static func replaceActiveAtPath(_ active: Bool) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .replace, path: "active", value: .bool(active))
    }

    /// Rename with a path (RFC 7644): `{"op":"replace","path":"displayName","value":NAME}`.
    public static func replaceDisplayName(_ name: String) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .replace, path: "displayName", value: .string(name))
    }

    /// Rename as Okta sends it: no path, `value: {"id": ID, "displayName": NAME}`.
    public static func replaceGroupName(id: String, displayName: String) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .replace, value: ["id": .string(id), "displayName": .string(displayName)])
    }

    /// `add members`; a member with a display name carries it as `display`, as Okta sends the userName.
    public static func addMembers(_ ids: [String], displays: [String: String] = [:]) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .add, path: "members", value: .array(ids.map { id in
            var member: JSONObject = ["value": .string(id)]
            if let display = displays[id] { member["display"] = .string(display) }
            return .object(member)
        }))
    }

    /// Removes members by value, with no filter: `{"op":"remove","path":"members","value":[{"value":"id"}]}`
    /// (not in RFC 7644's grammar, but what django-scim2 and Azure AD take).
    public static func removeMembers(_ ids: [String]) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .remove, path: "members", value: .array(ids.map { .object(["value": .string($0)]) }))
    }

    /// The whole member list: `{"op":"replace","path":"members","value":[…]}`.
    public static func replaceMembers(_ members: [SCIMMember]) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .replace, path: "members", value: .array(members.map { .object($0.attributes) }))
    }

    /// Removes one member with a value filter path: `members[value eq "id"]`.
    public static func removeMember(_ id: String) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .remove, path: "members[value eq \(SCIMFilter.quoted(id))]")
    }
}

/// The body of a PATCH request.
public struct SCIMPatchRequest: Sendable, Equatable {
    public var operations: [SCIMPatchOperation]

    public init(_ operations: [SCIMPatchOperation]) {
        self.operations = operations
    }

    public var json: JSONValue {
        ["schemas": [.string(SCIMSchemaURN.patchOp)], "Operations": .array(operations.map(\.json))]
    }
}
