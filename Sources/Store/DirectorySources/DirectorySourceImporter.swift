import Foundation
import GRDB

/// Reads a live directory source and writes what it holds into the directory.
///
/// Everything is read first (people, then groups, page by page), then written in one transaction,
/// so an import lands whole or not at all, and a dry run rolls the same transaction back. A *full*
/// import is authoritative: what the source no longer returns leaves the directory. An
/// *incremental* one reads the entries whose change mark (`modifyTimestamp`) is at or after the
/// highest one seen last time; it cannot see deletions (a full import does).
public struct DirectorySourceImporter: Sendable {
    let writer: any DatabaseWriter
    let sources: DirectorySourceRepository
    let connector: any DirectorySourceConnector

    public init(store: ScimdeckStore, connector: any DirectorySourceConnector) {
        writer = store.writer
        sources = store.directorySources
        self.connector = connector
    }

    /// What `source test` shows: the bind worked, and how many people and groups the filters find.
    public struct Check: Sendable, Equatable {
        public var people: DirectorySearchSummary
        public var groups: DirectorySearchSummary
    }

    public func test(sourceNamed name: String) throws -> Check {
        let (source, connection) = try open(name)
        let mapping = source.mapping
        let people = try connection.search(query(source, filter: mapping.userFilter, attributes: ["1.1"])) { _ in }
        let groups = try connection.search(query(source, filter: mapping.groupFilter, attributes: ["1.1"])) { _ in }
        return Check(people: people, groups: groups)
    }

    /// `allowEmpty` lets a full import that finds no people remove every person of the source.
    public func importSource(named name: String, full: Bool = false, dryRun: Bool = false, allowEmpty: Bool = false) throws -> SourceImportReport {
        let (source, connection) = try open(name)
        let mapping = source.mapping
        let mark = full ? nil : source.changeMark
        var report = SourceImportReport(source: source.name, kind: mark == nil ? .full : .incremental, dryRun: dryRun)
        if !full, mark == nil { report.fullBecause = "the source was never imported" }

        let reader = SourceEntryReader(mapping: mapping)
        var people: [SourcePerson] = []
        var groups: [SourceGroup] = []
        var issues: [ImportIssue] = []
        var highest = source.changeMark
        func note(_ entry: DirectoryEntry) {
            if let value = reader.changeMark(entry), highest.map({ mapping.changeMarkOrder.isAfter(value, $0) }) ?? true { highest = value }
        }
        report.peopleRead = try connection.search(query(source, filter: changed(mapping.userFilter, since: mark, mapping), attributes: mapping.userAttributes)) { entry in
            note(entry)
            if let person = reader.person(entry, line: people.count + 1, issues: &issues) { people.append(person) }
        }
        report.groupsRead = try connection.search(query(source, filter: changed(mapping.groupFilter, since: mark, mapping), attributes: mapping.groupAttributes)) { entry in
            note(entry)
            if let group = reader.group(entry, line: groups.count + 1, issues: &issues) { groups.append(group) }
        }
        var deleted = Set<String>()
        if mark != nil, mapping.readsDeletedObjects, let domain = Self.domainDN(source.baseDN) {
            let tombstones = DirectoryQuery(baseDN: "CN=Deleted Objects,\(domain)", filter: changed("(isDeleted=TRUE)", since: mark, mapping),
                                            attributes: [mapping.idAttribute, mapping.changeAttribute], pageSize: source.pageSize, showDeleted: true)
            do {
                _ = try connection.search(tombstones) { entry in
                    note(entry)
                    if let key = reader.externalKey(entry) { deleted.insert(key) }
                }
            } catch {
                // Reading tombstones needs rights a read-only bind may lack: the deletions then wait for the full import.
                issues.append(ImportIssue(line: 0, reason: "deleted objects not read (\(error)); the next full import removes what was deleted"))
            }
        }
        report.issues = issues
        report.changeMark = highest

        let read = SourceImportApplier.Read(people: people, groups: groups, authoritative: report.kind == .full, deletedKeys: deleted)
        return try writer.writeWithoutTransaction { db in
            var result = report
            try db.inTransaction(.immediate) {
                guard let sourceId = source.id else { return .rollback }
                if read.authoritative, people.isEmpty, !allowEmpty {
                    let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM person WHERE source = ?", arguments: [source.name]) ?? 0
                    if stored > 0 { throw DirectorySourceError.emptyFullImport(source: source.name, stored: stored) }
                }
                try SourceImportApplier(sourceId: sourceId, sourceName: source.name).apply(read, db, report: &result)
                var updated = source
                updated.changeMark = highest
                updated.lastImportAt = Date()
                updated.lastImportKind = result.kind
                if result.kind == .full { updated.lastFullImportAt = updated.lastImportAt }
                updated.lastImportSummary = result.description
                try updated.update(db)
                return dryRun ? .rollback : .commit
            }
            return result
        }
    }

    private func open(_ name: String) throws -> (DirectorySource, any DirectorySourceConnection) {
        let repository = sources
        guard let source = try repository.source(named: name) else { throw DirectorySourceError.unknownSource(name) }
        guard let password = try repository.password(of: source) else { throw DirectorySourceError.noPassword(source: name) }
        return (source, try connector.connect(source.endpoint, password: password))
    }

    private func query(_ source: DirectorySource, filter: String, attributes: [String]) -> DirectoryQuery {
        DirectoryQuery(baseDN: source.baseDN, filter: filter, attributes: attributes, pageSize: source.pageSize)
    }

    /// `filter` narrowed to entries changed at or after `mark` (the same second again: entries
    /// changed in it after the last read would be missed by `>`; reading one again changes nothing).
    private func changed(_ filter: String, since mark: String?, _ mapping: DirectorySourceMapping) -> String {
        guard let mark else { return filter }
        let wrapped = filter.hasPrefix("(") ? filter : "(\(filter))"
        return "(&\(wrapped)(\(mapping.changeAttribute)>=\(Self.escapedFilterValue(mark))))"
    }

    /// The domain a base DN is in: its trailing `DC=` components (`OU=Corp,DC=corp,DC=example` → `DC=corp,DC=example`).
    static func domainDN(_ baseDN: String) -> String? {
        let parts = baseDN.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let domain = parts.reversed().prefix { $0.lowercased().hasPrefix("dc=") }.reversed()
        return domain.isEmpty ? nil : domain.joined(separator: ",")
    }

    /// RFC 4515 escapes for a value inside a filter.
    static func escapedFilterValue(_ value: String) -> String {
        var text = ""
        for character in value {
            switch character {
            case "*": text += "\\2a"
            case "(": text += "\\28"
            case ")": text += "\\29"
            case "\\": text += "\\5c"
            case "\u{0}": text += "\\00"
            default: text.append(character)
            }
        }
        return text
    }
}
