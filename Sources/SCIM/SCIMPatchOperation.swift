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

    public static func replaceDisplayName(_ name: String) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .replace, path: "displayName", value: .string(name))
    }

    public static func addMembers(_ ids: [String]) -> SCIMPatchOperation {
        SCIMPatchOperation(op: .add, path: "members", value: .array(ids.map { ["value": .string($0)] }))
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
