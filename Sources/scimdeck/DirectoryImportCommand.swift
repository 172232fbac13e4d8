import ArgumentParser
import Store

/// `scimdeck directory import FILE [--format csv|ldif|scim] [--dry-run] [--skip-invalid]`
struct DirectoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import people and groups from a CSV, LDIF or SCIM JSON file.",
        discussion: """
            Everything is written in one transaction: a file with errors imports nothing (each bad row \
            is listed with its line) unless --skip-invalid is given. Importing the same file again \
            changes nothing; a changed row updates that person. People not in the file are kept.
            LDIF and SCIM JSON groups that contain groups (nested groups) are expanded: a group holds \
            the people of every group inside it, and a later import that changes an inner group \
            updates the groups around it. A cycle of groups is reported and expanded once.
            CSV columns: login (or userName), firstName, lastName, email, status, groups (separated by ;); \
            any other column is kept as an attribute.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to import.")
    var file: String

    @Option(help: "The file's format: csv, ldif or scim (default: from the file name).")
    var format: ImportFormat?

    @Flag(help: "Show what would change, save nothing.")
    var dryRun = false

    @Flag(help: "Import the good rows of a file that has bad ones.")
    var skipInvalid = false

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        let options = ImportOptions(format: format, dryRun: dryRun, skipInvalid: skipInvalid)
        let report = try DirectoryImporter(store: store).importFile(at: file, options: options) {
            StandardStreams.err("scimdeck: writing \(file) to the store in one transaction\n")
        }
        for issue in report.issues {
            StandardStreams.err("\(file): \(issue)\n")
        }
        if report.outcome == .rejected {
            StandardStreams.err("\(report)\n")
            throw ExitCode.failure
        }
        StandardStreams.out("\(report)\n")
    }
}

extension ImportFormat: ExpressibleByArgument {}
