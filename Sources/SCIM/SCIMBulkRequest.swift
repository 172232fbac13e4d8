import Foundation
import JSON

/// The body of `POST /Bulk` (RFC 7644 §3.7).
public struct SCIMBulkRequest: Sendable, Equatable {
    public var operations: [SCIMBulkOperation]
    /// Errors after which the provider stops; nil lets it run every operation (what an idempotent batch wants).
    public var failOnErrors: Int?

    public init(_ operations: [SCIMBulkOperation], failOnErrors: Int? = nil) {
        self.operations = operations
        self.failOnErrors = failOnErrors
    }

    public var json: JSONValue {
        var object: JSONObject = ["schemas": [.string(SCIMSchemaURN.bulkRequest)], "Operations": .array(operations.map(\.json))]
        if let failOnErrors { object["failOnErrors"] = .int(failOnErrors) }
        return .object(object)
    }

    /// The operations cut, in order, into requests of at most `maxOperations` each whose encoded body
    /// stays within `maxPayloadSize` bytes. An operation too large to fit even alone is returned apart,
    /// by index, since no request can carry it.
    public static func split(_ operations: [SCIMBulkOperation], maxOperations: Int?, maxPayloadSize: Int?,
                             failOnErrors: Int? = nil) -> (requests: [[Int]], tooLarge: [Int]) {
        let perRequest = max(1, maxOperations ?? Int.max)
        let envelope = SCIMBulkRequest([], failOnErrors: failOnErrors).json.encoded().count
        var requests: [[Int]] = []
        var tooLarge: [Int] = []
        var current: [Int] = []
        var size = envelope
        for (index, operation) in operations.enumerated() {
            // Each operation after the first also costs the comma that separates it.
            let cost = operation.json.encoded().count + 1
            if let maxPayloadSize, envelope + cost > maxPayloadSize {
                tooLarge.append(index)
                continue
            }
            if !current.isEmpty && (current.count >= perRequest || maxPayloadSize.map { size + cost > $0 } == true) {
                requests.append(current)
                current = []
                size = envelope
            }
            current.append(index)
            size += cost
        }
        if !current.isEmpty { requests.append(current) }
        return (requests, tooLarge)
    }
}
