import ArgumentParser
import Store

/// `scimdeck directory source remove NAME`
struct DirectorySourceRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a directory source and its stored password.",
        discussion: "The people and groups it brought stay in the directory."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The source's name.")
    var name: String

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        guard try store.directorySources.remove(named: name) else {
            StandardStreams.err("scimdeck: no directory source named \(name)\n")
            throw ExitCode.failure
        }
        print("removed source \(name); the people and groups it brought stay in the directory")
    }
}
