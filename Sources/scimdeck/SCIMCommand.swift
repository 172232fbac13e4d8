import ArgumentParser

/// `scimdeck scim …`: the SCIM layer from the command line, for scripts and for checking a provider.
struct SCIMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scim",
        abstract: "Talk to a SCIM 2.0 service provider directly.",
        discussion: "The API token comes from --token-file, $SCIMDECK_TOKEN, or a prompt; never from the command line.",
        subcommands: [SCIMTestCommand.self, SCIMGetCommand.self]
    )
}
