import Foundation
import GRDB

/// Directory sources and their bind passwords. The password goes through `SecretStore` (its only
/// way into the store, however secrets are kept there), written before the source and removed after it.
public struct DirectorySourceRepository: Sendable {
    let writer: any DatabaseWriter
    let secrets: SecretStore

    /// Adds a source, or replaces the settings and password of the one with the same name (its
    /// change mark is kept only when it still reads the same server and base).
    @discardableResult
    public func save(_ source: DirectorySource, password: SecretValue) throws -> DirectorySource {
        try secrets.set(password, name: SecretName.bindPassword(source: source.name))
        return try writer.write { db in
            var source = source
            if let stored = try DirectorySource.filter(Column("name") == source.name).fetchOne(db) {
                source.id = stored.id
                let sameData = stored.url == source.url && stored.baseDN == source.baseDN
                source.changeMark = sameData ? stored.changeMark : nil
                source.lastFullImportAt = sameData ? stored.lastFullImportAt : nil
                source.lastImportAt = stored.lastImportAt
                source.lastImportKind = stored.lastImportKind
                source.lastImportSummary = stored.lastImportSummary
                try source.update(db)
            } else {
                try source.insert(db)
            }
            return source
        }
    }

    public func all() throws -> [DirectorySource] {
        try writer.read { db in try DirectorySource.order(Column("name")).fetchAll(db) }
    }

    public func source(named name: String) throws -> DirectorySource? {
        try writer.read { db in try DirectorySource.filter(Column("name") == name).fetchOne(db) }
    }

    func password(of source: DirectorySource) throws -> SecretValue? {
        try secrets.get(name: SecretName.bindPassword(source: source.name))
    }

    /// Removes the source and its password. The people and groups it brought stay in the directory,
    /// still naming it as their source.
    @discardableResult
    public func remove(named name: String) throws -> Bool {
        let removed = try writer.write { db in try DirectorySource.filter(Column("name") == name).deleteAll(db) > 0 }
        try secrets.remove(name: SecretName.bindPassword(source: name))
        return removed
    }
}

extension ScimdeckStore {
    /// Live directory sources (LDAP servers).
    public var directorySources: DirectorySourceRepository { DirectorySourceRepository(writer: writer, secrets: secrets) }
}
