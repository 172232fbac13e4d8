import GRDB

/// One SCIM attribute an app receives and the expression that computes it (To App tab).
public struct AttributeMapping: StoredRecord, Hashable, Identifiable {
    public static let databaseTableName = "attributeMapping"

    public enum ApplyOn: String, Codable, Sendable {
        case createAndUpdate
        case createOnly
    }

    public var id: Int64?
    public var appId: Int64
    /// The SCIM attribute path, e.g. `userName`, `name.givenName`, `emails[type eq "work"].value`.
    public var scimAttribute: String
    /// The expression over the person, e.g. `user.login`, `user.firstName`.
    public var expression: String
    public var applyOn: ApplyOn

    public init(id: Int64? = nil, appId: Int64, scimAttribute: String, expression: String, applyOn: ApplyOn = .createAndUpdate) {
        self.id = id
        self.appId = appId
        self.scimAttribute = scimAttribute
        self.expression = expression
        self.applyOn = applyOn
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
