import Foundation
import JSON

/// What the provider says of one operation of a Bulk request (RFC 7644 §3.7.3).
public struct SCIMBulkOperationResult: Sendable, Equatable {
    public var method: String?
    public var bulkId: String?
    /// The resource's URL: set for every operation but a failed POST.
    public var location: String?
    public var version: String?
    /// The operation's own HTTP status; RFC 7644 writes it as a string ("200"), some providers as a number.
    public var status: Int
    /// The resource, or a SCIM Error when the operation failed.
    public var response: JSONValue?

    public init(method: String? = nil, bulkId: String? = nil, location: String? = nil, version: String? = nil,
                status: Int, response: JSONValue? = nil) {
        self.method = method
        self.bulkId = bulkId
        self.location = location
        self.version = version
        self.status = status
        self.response = response
    }

    init(json: JSONValue) throws(SCIMDecodingError) {
        guard case .object(let object) = json else {
            throw SCIMDecodingError("a BulkResponse operation is \(json.kindName), not an object")
        }
        // SCIM 1.1 wrote "status" as {"code": "…"}, and some providers still do: both are read.
        let statusValue = object.scimValue(forKey: "status")
        guard let status = statusValue?.intValue ?? statusValue?["code"]?.intValue else {
            throw SCIMDecodingError("a BulkResponse operation has no status")
        }
        self.status = status
        method = object.scimValue(forKey: "method")?.stringValue
        bulkId = object.scimValue(forKey: "bulkId")?.stringValue
        location = object.scimValue(forKey: "location")?.stringValue
        version = object.scimValue(forKey: "version")?.stringValue
        response = object.scimValue(forKey: "response")
    }

    public var succeeded: Bool { (200..<300).contains(status) }

    /// The operation's failure as a client error (status, scimType, the provider's detail), nil on success.
    public func error(for operation: SCIMBulkOperation) -> SCIMClientError? {
        guard !succeeded else { return nil }
        let body = response.flatMap(SCIMErrorResponse.init(json:))
        var error = SCIMClientError(kind: .status, status: status, scimType: body?.scimType, detail: body?.detail,
                                    request: SCIMRequestSummary(operation))
        error.hasSCIMErrorBody = body != nil
        return error
    }
}

/// The body of a Bulk answer: one result per operation the provider ran.
public struct SCIMBulkResponse: Sendable, Equatable {
    public var operations: [SCIMBulkOperationResult]

    public init(operations: [SCIMBulkOperationResult]) {
        self.operations = operations
    }

    public init(json: JSONValue) throws(SCIMDecodingError) {
        guard case .object(let object) = json else {
            throw SCIMDecodingError("a BulkResponse must be an object, got \(json.kindName)")
        }
        guard let list = object.scimValue(forKey: "Operations") else {
            throw SCIMDecodingError("the BulkResponse has no Operations")
        }
        guard case .array(let entries) = list else {
            throw SCIMDecodingError("the BulkResponse's Operations is \(list.kindName), not an array")
        }
        var operations: [SCIMBulkOperationResult] = []
        for (index, entry) in entries.enumerated() {
            do {
                operations.append(try SCIMBulkOperationResult(json: entry))
            } catch {
                throw SCIMDecodingError("operation \(index + 1) of the BulkResponse: \(error.reason)")
            }
        }
        self.operations = operations
    }
}

extension SCIMRequestSummary {
    /// One operation of a Bulk request, named as if it had been sent on its own.
    init(_ operation: SCIMBulkOperation) {
        method = operation.method.rawValue
        url = "Bulk \(operation.path)"
        headers = []
        body = operation.data.map { Self.excerpt($0.encoded()) }
    }
}
