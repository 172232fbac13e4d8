import JSON

/// One operation of a Bulk request (RFC 7644 §3.7): a method on a path under the base URL, with a body.
public struct SCIMBulkOperation: Sendable, Equatable {
    public enum Method: String, Sendable {
        case post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE"
    }

    public var method: Method
    /// Relative to the base URL, such as `/Users/2819c223`.
    public var path: String
    public var data: JSONValue?
    /// The resource's ETag, sent as the operation's `If-Match`.
    public var version: String?
    /// Names the operation in the response; `SCIMClient.bulk` gives one to each operation without.
    public var bulkId: String?

    public init(method: Method, path: String, data: JSONValue? = nil, version: String? = nil, bulkId: String? = nil) {
        self.method = method
        self.path = path
        self.data = data
        self.version = version
        self.bulkId = bulkId
    }

    /// `PATCH /Users/{id}` with these operations.
    public static func patch(_ endpoint: String, id: String, _ operations: [SCIMPatchOperation], version: String? = nil) -> SCIMBulkOperation {
        SCIMBulkOperation(method: .patch, path: "/" + SCIMClient.resourcePath(endpoint, id), data: SCIMPatchRequest(operations).json, version: version)
    }

    public var json: JSONValue {
        var object: JSONObject = ["method": .string(method.rawValue), "path": .string(path)]
        if let bulkId { object["bulkId"] = .string(bulkId) }
        if let version { object["version"] = .string(version) }
        if let data { object["data"] = data }
        return .object(object)
    }
}
