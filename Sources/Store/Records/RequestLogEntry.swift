import Foundation
import GRDB

/// One SCIM request an app sent (the Log tab). Bodies are stored with the token already redacted.
public struct RequestLogEntry: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "requestLogEntry"

    public var id: Int64?
    public var appId: Int64
    public var journalEntryId: Int64?
    public var sentAt: Date
    public var method: String
    public var path: String
    /// The HTTP status, `nil` when no response came (timeout, connection cut).
    public var statusCode: Int?
    public var latencyMilliseconds: Int
    public var result: String
    public var requestBody: String?
    public var responseBody: String?

    public init(
        id: Int64? = nil, appId: Int64, journalEntryId: Int64? = nil, sentAt: Date = Date(), method: String, path: String,
        statusCode: Int? = nil, latencyMilliseconds: Int = 0, result: String = "", requestBody: String? = nil, responseBody: String? = nil
    ) {
        self.id = id
        self.appId = appId
        self.journalEntryId = journalEntryId
        self.sentAt = sentAt
        self.method = method
        self.path = path
        self.statusCode = statusCode
        self.latencyMilliseconds = latencyMilliseconds
        self.result = result
        self.requestBody = requestBody
        self.responseBody = responseBody
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
