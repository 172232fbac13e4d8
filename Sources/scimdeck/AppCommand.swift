import ArgumentParser

/// `scimdeck app …`: apps added from the catalog, and every setting of their tabs.
struct AppCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app",
        abstract: "Add, list, show, change and remove app integrations.",
        subcommands: [AppAddCommand.self, AppListCommand.self, AppShowCommand.self, AppSetCommand.self, AppTestCommand.self, AppRemoveCommand.self]
    )
}
