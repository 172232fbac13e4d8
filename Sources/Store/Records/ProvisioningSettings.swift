import Foundation
import GRDB

/// An app's SCIM settings (Provisioning → Integration and To App). One row per app.
/// The API token is not here: it is a `Secret` named `SecretName.apiToken`.
public struct ProvisioningSettings: StoredRecord, Hashable {
    public static let databaseTableName = "provisioningSettings"

    /// Which request shapes the engine sends (see DESIGN.md, "Request profile").
    public enum RequestProfile: String, Codable, Sendable, CaseIterable {
        case okta
        case rfc7644
    }

    public var appId: Int64
    public var apiIntegrationEnabled: Bool
    public var baseURL: String
    public var createUsers: Bool
    public var updateUserAttributes: Bool
    public var deactivateUsers: Bool
    public var requestProfile: RequestProfile
    /// The User-Agent sent to the app; nil sends scimdeck's own (`scimdeck/<version>`).
    public var userAgent: String?
    /// Requests in flight at once for this app; nil is the default (4). An app on SQLite wants 1.
    public var concurrency: Int?
    public var updatedAt: Date

    public init(
        appId: Int64, apiIntegrationEnabled: Bool = false, baseURL: String = "", createUsers: Bool = false,
        updateUserAttributes: Bool = false, deactivateUsers: Bool = false, requestProfile: RequestProfile = .okta,
        userAgent: String? = nil, concurrency: Int? = nil, updatedAt: Date = Date()
    ) {
        self.appId = appId
        self.apiIntegrationEnabled = apiIntegrationEnabled
        self.baseURL = baseURL
        self.createUsers = createUsers
        self.updateUserAttributes = updateUserAttributes
        self.deactivateUsers = deactivateUsers
        self.requestProfile = requestProfile
        self.userAgent = userAgent
        self.concurrency = concurrency
        self.updatedAt = updatedAt
    }
}
