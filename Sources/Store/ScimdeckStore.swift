import Foundation
import GRDB

/// The local store: one SQLite file (WAL, foreign keys on, mode 0600) holding the directory,
/// the apps and their settings, the engine's links, journal and request log, and the secrets.
///
/// ```swift
/// let store = try ScimdeckStore(path: StoreLocation.defaultPath())
/// let zoe = try store.directory.addPerson(Person(login: "zoe@example.com", firstName: "Zoë"))
/// let app = try store.records(AppIntegration.self).insert(AppIntegration(catalogEntry: "axiad-cloud", label: "Axiad"))
/// ```
public final class ScimdeckStore: Sendable {
    /// The GRDB connection, for the engine's own queries and `ValueObservation`.
    public let writer: any DatabaseWriter
    public let path: String?

    /// Opens (creating and migrating when needed) the store at `path`.
    public init(path: String) throws {
        try StoreFile.prepare(path: path)
        writer = try DatabasePool(path: path, configuration: Self.configuration())
        self.path = path
        try StoreMigrations.migrator.migrate(writer)
    }

    /// A private in-memory store, for tests and previews.
    public init() throws {
        writer = try DatabaseQueue(configuration: Self.configuration())
        path = nil
        try StoreMigrations.migrator.migrate(writer)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "scimdeck"
        // In WAL mode NORMAL still survives a killed process whole (a commit is in the WAL before it
        // returns); only a power cut may lose the last commits, never corrupt. FULL would fsync every
        // journal entry of a sync, several per SCIM request.
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// People, groups and memberships.
    public var directory: DirectoryRepository { DirectoryRepository(writer: writer) }

    /// Scope, links, unfinished journal entries and the request log of an app, for the engine.
    public var provisioning: ProvisioningRepository { ProvisioningRepository(writer: writer) }

    /// Apps and their settings, added and removed whole.
    public var apps: AppRepository { AppRepository(writer: writer) }

    /// The engine's journal and link writes, and its consistent read of an app's state.
    public var engine: EngineJournal { EngineJournal(writer: writer) }

    /// Who is syncing each app: one run per app at a time.
    public var runLocks: AppRunLocks { AppRunLocks(writer: writer) }

    /// API tokens and signing keys.
    public var secrets: SecretStore { SecretStore(writer: writer) }

    /// Create, read, update and delete for the app-side records.
    public func records<Record: StoredRecord>(_ type: Record.Type) -> RecordTable<Record> {
        RecordTable(writer: writer)
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    /// The journal mode SQLite reports (`wal` for a file store).
    public func journalMode() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Whether SQLite enforces foreign keys on this connection.
    public func foreignKeysEnabled() throws -> Bool {
        try writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false }
    }
}
