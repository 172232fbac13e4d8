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
    /// Where the key that seals the secrets is kept: never in the store itself.
    public let keys: any SecretKeySource

    /// Opens (creating and migrating when needed) the store at `path`, its secrets sealed under the key
    /// `keys` holds (default: `StoreKeyLocation.defaultSource()`, a key file or the desktop keyring). Secrets an earlier version left in
    /// plain are sealed, and the file wiped of their plain copies, before this returns.
    public init(path: String, keys: (any SecretKeySource)? = nil) throws {
        try StoreFile.prepare(path: path)
        writer = try DatabasePool(path: path, configuration: Self.configuration())
        self.path = path
        self.keys = keys ?? StoreKeyLocation.defaultSource()
        try StoreMigrations.migrator.migrate(writer)
        try sealPlainSecrets()
    }

    /// A private in-memory store, for tests and previews, its secrets sealed under a key that lives as
    /// long as the process.
    public init(keys: any SecretKeySource = EphemeralSecretKeys()) throws {
        writer = try DatabaseQueue(configuration: Self.configuration())
        path = nil
        self.keys = keys
        try StoreMigrations.migrator.migrate(writer)
    }

    /// Seals plain secrets with `secure_delete` on, then VACUUMs and truncates the WAL: the update
    /// alone would leave the plain bytes in freed space, in the old pages of the main file, and in the WAL.
    private func sealPlainSecrets() throws {
        let hasPlain = try writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM secret WHERE keyId IS NULL)") ?? false
        }
        guard hasPlain else { return }
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.inTransaction {
                _ = try secrets.sealPlainValues(db)
                return .commit
            }
            try db.execute(sql: "VACUUM")
            // Copies the vacuumed pages over the old ones in the main file and empties the WAL. Another
            // process reading the store at this moment keeps it from finishing (busy): the open goes on,
            // and a later checkpoint overwrites the old pages instead; the plain values are gone from the
            // tables either way.
            _ = try? db.checkpoint(.truncate)
        }
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
    public var secrets: SecretStore { SecretStore(writer: writer, keys: keys) }

    /// Writes a copy of the store to `path` (mode 0600); with `withoutSecrets`, one safe to hand to
    /// support: the secret rows removed and their pages wiped. See `StoreExport`.
    public func export(to path: String, withoutSecrets: Bool) throws -> StoreExport.Summary {
        try StoreExport.write(from: writer, to: path, withoutSecrets: withoutSecrets)
    }

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
