import ArgumentParser
import LDAP
import Store

/// `scimdeck directory source import NAME [--full] [--dry-run]`
struct DirectorySourceImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import people and groups from a directory source.",
        discussion: """
            Without --full, reads only the entries changed since the last import (modifyTimestamp at or \
            after the highest one seen); the first import of a source is full. An incremental import \
            cannot see deletions: run a --full import for them. A full import is authoritative: people \
            and groups of this source it no longer finds are removed from the directory, and the next \
            sync deactivates them in every app. Each entry keeps the source's stable id (entryUUID), so \
            a changed uid or cn is a rename, never a new person or group. What the source says wins \
            over edits made in scimdeck.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The source's name.")
    var name: String

    @Flag(help: "Read everything and remove what the source no longer holds.")
    var full = false

    @Flag(help: "Show what would change, save nothing.")
    var dryRun = false

    @Flag(help: "Let a full import that finds no people remove every person of the source.")
    var allowEmpty = false

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let report: SourceImportReport
        do {
            report = try DirectorySourceImporter(store: store, connector: LDAPConnector()).importSource(named: name, full: full, dryRun: dryRun, allowEmpty: allowEmpty)
        } catch let error as DirectorySourceError {
            StandardStreams.err("scimdeck: \(name): \(error)\n")
            throw ExitCode.failure
        }
        for issue in report.issues { StandardStreams.err("\(name): \(issue.reason)\n") }
        if let reason = report.fullBecause { StandardStreams.err("scimdeck: \(name): full import: \(reason)\n") }
        print(report.description)
    }
}
