import ArgumentParser

/// `scimdeck directory …`: the people and groups provisioning reads, like Okta's Directory menu.
struct DirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Import, list and edit the people and groups of the local directory.",
        subcommands: [
            DirectoryImportCommand.self, DirectoryListCommand.self, DirectoryAddCommand.self, DirectoryEditCommand.self,
            DirectoryRemoveCommand.self, DirectoryGenerateCommand.self, DirectorySourceCommand.self,
        ]
    )
}
