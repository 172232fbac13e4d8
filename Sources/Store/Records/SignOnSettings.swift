import Foundation
import GRDB

/// An app's SAML settings (the Sign On tab). One row per app, keyed by `appId`.
public struct SignOnSettings: StoredRecord, Hashable {
    public static let databaseTableName = "signOnSettings"

    public var appId: Int64
    public var defaultRelayState: String
    public var acsURL: String
    public var audienceURI: String
    public var nameIDFormat: String
    /// The expression the application username is built from (`login`, `email`, …).
    public var applicationUsername: String
    public var updatedAt: Date
    /// The attribute statements as a JSON array of `{"name", "nameFormat", "expression"}`.
    public var attributeStatements: String

    public init(
        appId: Int64, defaultRelayState: String = "", acsURL: String = "", audienceURI: String = "",
        nameIDFormat: String = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
        applicationUsername: String = "login", updatedAt: Date = Date(), attributeStatements: String = "[]"
    ) {
        self.attributeStatements = attributeStatements
        self.appId = appId
        self.defaultRelayState = defaultRelayState
        self.acsURL = acsURL
        self.audienceURI = audienceURI
        self.nameIDFormat = nameIDFormat
        self.applicationUsername = applicationUsername
        self.updatedAt = updatedAt
    }
}
