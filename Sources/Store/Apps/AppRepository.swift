import Foundation
import GRDB

/// Apps with their tabs' settings, written together so an app never exists half set up.
public struct AppRepository: Sendable {
    let writer: any DatabaseWriter

    /// Adds the app with its Sign On and Provisioning settings and its attribute mappings.
    /// Labels are unique whatever their case: scripts name apps by label.
    @discardableResult
    public func add(_ app: AppIntegration, signOn: SignOnSettings, provisioning: ProvisioningSettings, mappings: [AttributeMapping]) throws -> Saved<AppIntegration> {
        try writer.write { db in
            let clash = try AppIntegration.fetchAll(db).first { $0.label.caseInsensitiveCompare(app.label) == .orderedSame }
            if clash != nil { throw StoreError.duplicateAppLabel(app.label) }
            var app = app
            try app.insert(db)
            let appId = db.lastInsertedRowID
            app.id = appId
            var signOn = signOn
            signOn.appId = appId
            try signOn.insert(db)
            var provisioning = provisioning
            provisioning.appId = appId
            try provisioning.insert(db)
            for mapping in mappings {
                var mapping = mapping
                mapping.appId = appId
                mapping.id = nil
                try mapping.insert(db)
            }
            return Saved(id: appId, record: app)
        }
    }

    public func all() throws -> [Saved<AppIntegration>] {
        try writer.read { db in try AppIntegration.order(Column("id")).fetchAll(db).compactMap(Saved.init) }
    }

    /// The app with this id, nil when there is none.
    public func app(id: Int64) throws -> Saved<AppIntegration>? {
        try writer.read { db in try AppIntegration.fetchOne(db, key: id).flatMap(Saved.init) }
    }

    /// The app with this id, read from async code without holding a cooperative thread.
    public func app(id: Int64) async throws -> Saved<AppIntegration>? {
        try await writer.read { db in try AppIntegration.fetchOne(db, key: id).flatMap(Saved.init) }
    }

    /// The app by label (any case) or by numeric id.
    public func app(named name: String) throws -> Saved<AppIntegration>? {
        let apps = try all()
        return apps.first { $0.label.caseInsensitiveCompare(name) == .orderedSame } ?? Int64(name).flatMap { id in apps.first { $0.id == id } }
    }

    /// Removes the app and everything it holds (settings, mappings, assignments, links, journal, log, token).
    public func remove(appId: Int64) throws -> Bool {
        try writer.write { db in try AppIntegration.deleteOne(db, key: appId) }
    }
}
