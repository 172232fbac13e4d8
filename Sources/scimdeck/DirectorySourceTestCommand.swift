import ArgumentParser
import LDAP
import Store

/// `scimdeck directory source test NAME`: bind, then count what the filters find.
struct DirectorySourceTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Bind to a source and count its people and groups.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The source's name.")
    var name: String

    func run() throws {
        let store = try ScimdeckStore(path: global.storePath)
        do {
            let check = try DirectorySourceImporter(store: store, connector: LDAPConnector()).test(sourceNamed: name)
            print("bound to \(name): \(check.people.entries) people, \(check.groups.entries) groups")
        } catch let error as DirectorySourceError {
            StandardStreams.err("scimdeck: \(name): \(error)\n")
            throw ExitCode.failure
        }
    }
}
