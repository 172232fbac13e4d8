import ArgumentParser

@main
struct Scimdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scimdeck",
        abstract: "A terminal console that connects apps to your directory over SAML and SCIM 2.0.",
        version: "0.1.0",
        subcommands: [DirectoryCommand.self, AppCommand.self, AssignCommand.self, UnassignCommand.self, PushCommand.self, MappingCommand.self, PlanCommand.self, SyncCommand.self, TasksCommand.self, ReconcileCommand.self, SAMLCommand.self, SCIMCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        print("scimdeck: store \(global.storePath)")
    }
}
