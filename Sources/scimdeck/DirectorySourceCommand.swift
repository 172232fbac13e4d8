import ArgumentParser
import Store

/// `scimdeck directory source …`: live directories (LDAP servers) that people and groups are imported from.
struct DirectorySourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "Add, test and import live directory sources (OpenLDAP, Active Directory).",
        subcommands: [
            DirectorySourceAddCommand.self, DirectorySourceListCommand.self, DirectorySourceTestCommand.self,
            DirectorySourceImportCommand.self, DirectorySourceRemoveCommand.self,
        ]
    )
}

typealias DirectorySourcePresetChoice = DirectorySourcePreset

extension DirectorySourcePreset: ExpressibleByArgument {}
