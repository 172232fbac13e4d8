import ArgumentParser

/// `scimdeck mapping …`: the Attribute Mappings of an app (the To App tab's list), scriptable.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "List, set, unset and preview an app's attribute mappings.",
        subcommands: [MappingListCommand.self, MappingSetCommand.self, MappingUnsetCommand.self, MappingPreviewCommand.self]
    )
}
