import Foundation
import GRDB

/// Imports people and groups from a CSV, LDIF or SCIM JSON file into the store.
///
/// The file is parsed and validated first; then everything is written in one transaction, so an
/// import either lands whole or not at all, even when the process is killed halfway. A file with
/// errors imports nothing unless `skipInvalid` is set; every bad row is reported with its line.
public struct DirectoryImporter: Sendable {
    let writer: any DatabaseWriter

    public init(store: ScimdeckStore) {
        writer = store.writer
    }

    /// Imports the file at `path`. `willWrite` is called inside the transaction, before the first
    /// row is written (the CLI says "writing…"; the crash test waits for it).
    public func importFile(
        at path: String, options: ImportOptions = ImportOptions(), willWrite: (@Sendable () -> Void)? = nil
    ) throws -> ImportReport {
        guard let format = options.format ?? ImportFormat(fileName: path) else { throw ImportError.unknownFormat(path: path) }
        let batch = try Self.parse(path: path, format: format)
        return try apply(batch, options: options, willWrite: willWrite)
    }

    static func parse(path: String, format: ImportFormat) throws -> DirectoryBatch {
        switch format {
        case .csv:
            return try CSVDirectoryParser().parse(try read(path))
        case .ldif:
            return try LDIFDirectoryParser().parse(try read(path))
        case .scim:
            return try SCIMJSONDirectoryParser().parse(try read(path))
        }
    }

    func apply(_ batch: DirectoryBatch, options: ImportOptions, willWrite: (@Sendable () -> Void)? = nil) throws -> ImportReport {
        let validated = DirectoryBatchValidator().validate(batch)
        var report = ImportReport(outcome: options.dryRun ? .dryRun : .applied, issues: validated.batch.issues)
        report.peopleSkipped = validated.invalidPeople
        if !report.errors.isEmpty, !options.skipInvalid {
            report.outcome = .rejected
            return report
        }
        let validBatch = validated.batch
        let dryRun = options.dryRun
        let baseReport = report
        return try writer.writeWithoutTransaction { db in
            var report = baseReport
            try db.inTransaction(.immediate) {
                willWrite?()
                var batch = validBatch
                let renamer = StableIDRenamer(source: batch.source)
                let people = try renamer.renamePeople(batch.people, db)
                let groups = try renamer.renameGroups(batch.groups, db)
                batch.people = batch.people.enumerated().filter { !people.leftOut.contains($0.offset) }.map(\.element)
                batch.groups = batch.groups.enumerated().filter { !groups.leftOut.contains($0.offset) }.map(\.element)
                report.issues += people.issues + groups.issues
                try DirectoryImportApplier().apply(batch, to: db, report: &report)
                // A rename the applier then saw as unchanged (or updated) is reported as a rename alone.
                report.peopleRenamed = people.renamed
                report.peopleUpdated -= people.alsoChanged
                report.peopleUnchanged -= people.renamed - people.alsoChanged
                report.groupsRenamed = groups.renamed
                report.groupsUpdated -= groups.alsoChanged
                report.groupsUnchanged -= groups.renamed - groups.alsoChanged
                return dryRun ? .rollback : .commit
            }
            return report
        }
    }

    private static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ImportError.cannotRead(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}
