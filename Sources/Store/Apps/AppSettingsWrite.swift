import Foundation
import GRDB

/// What one settings change writes for an app: each part given is written, all of them in one
/// transaction, so a change is never half saved (a label without its base URL).
public struct AppSettingsWrite: Sendable {
    public var app: AppIntegration?
    public var signOn: SignOnSettings?
    public var provisioning: ProvisioningSettings?
    /// A new API token to seal and store; nil keeps the stored one.
    public var apiToken: SecretValue?

    public init(app: AppIntegration? = nil, signOn: SignOnSettings? = nil, provisioning: ProvisioningSettings? = nil,
                apiToken: SecretValue? = nil) {
        self.app = app
        self.signOn = signOn
        self.provisioning = provisioning
        self.apiToken = apiToken
    }

    public var isEmpty: Bool { app == nil && signOn == nil && provisioning == nil && apiToken == nil }
}

extension ScimdeckStore {
    /// Writes every part of `write` for the app in one transaction; throws (writing nothing) when the
    /// app is gone or a new label is another app's, whatever its case.
    public func saveAppSettings(_ write: AppSettingsWrite, appId: Int64) throws {
        let transaction = try SettingsTransaction(write, appId: appId, secrets: secrets)
        try writer.write { db in try transaction.run(db) }
    }

    /// The same transaction from async code, awaited with GRDB's async write.
    public func saveAppSettings(_ write: AppSettingsWrite, appId: Int64) async throws {
        let transaction = try SettingsTransaction(write, appId: appId, secrets: secrets)
        try await writer.write { db in try transaction.run(db) }
    }
}

/// One settings write, its token already sealed (the key may come from a file or the keyring,
/// which is no work for inside a transaction).
private struct SettingsTransaction: Sendable {
    let write: AppSettingsWrite
    let token: Secret?
    let appId: Int64
    let secrets: SecretStore

    init(_ write: AppSettingsWrite, appId: Int64, secrets: SecretStore) throws {
        self.write = write
        self.appId = appId
        self.secrets = secrets
        if let value = write.apiToken {
            token = try secrets.sealed(value, name: SecretName.apiToken, appId: appId)
        } else {
            token = nil
        }
    }

    func run(_ db: Database) throws {
        guard try AppIntegration.exists(db, key: appId) else { throw StoreError.appNotFound(appId) }
        if var app = write.app {
            app.id = appId
            let clash = try AppIntegration.filter(Column("id") != appId).fetchAll(db)
                .contains { $0.label.caseInsensitiveCompare(app.label) == .orderedSame }
            if clash { throw StoreError.duplicateAppLabel(app.label) }
            try app.update(db)
        }
        if var signOn = write.signOn {
            signOn.appId = appId
            try signOn.upsert(db)
        }
        if var provisioning = write.provisioning {
            provisioning.appId = appId
            try provisioning.upsert(db)
        }
        if let token { try secrets.replace(token, in: db) }
    }
}
