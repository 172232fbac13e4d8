import ArgumentParser
import Foundation
import Store

/// `scimdeck demo`: creates the demo workspace (sample directory, Axiad Cloud app on a local scim2-server).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create the demo workspace: the sample directory and an Axiad Cloud app provisioning to a local scim2-server.",
        discussion: "`make run` starts the server and sets SCIMDECK_DEMO_BASE_URL and SCIMDECK_DEMO_TOKEN_FILE; run again, it re-points the demo app at the new server."
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("base-url"), help: "The SCIM base URL (default: $SCIMDECK_DEMO_BASE_URL).") var baseURL: String?
    @Option(name: .customLong("token-file"), help: "A file holding the bearer token (default: $SCIMDECK_DEMO_TOKEN_FILE).") var tokenFile: String?
    @Option(help: "The directory file to import (default: the sample directory installed with scimdeck).") var directory: String?

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let url = baseURL ?? environment["SCIMDECK_DEMO_BASE_URL"], let file = tokenFile ?? environment["SCIMDECK_DEMO_TOKEN_FILE"] else {
            throw ValidationError("give --base-url and --token-file (or run `make run`, which starts a scim2-server and sets both)")
        }
        let directoryFile = directory ?? DemoSettings.defaultDirectoryFile()
        guard directory != nil || FileManager.default.isReadableFile(atPath: directoryFile) else {
            // A binary copied out of its install has no share directory beside it: say where the samples were looked for.
            throw ValidationError("no sample directory in \(DemoSettings.sampleCandidates().prefix(2).joined(separator: " or ")): give --directory FILE")
        }
        let settings = DemoSettings(baseURL: url, tokenFile: file, directoryFile: directoryFile)
        let store = try ScimdeckStore(path: global.storePath)
        print(try settings.workspace().apply(to: store))
    }
}
