import ArgumentParser
import SCIM

/// Where an app's API token comes from, when a command is given one: a file (`--token-file`), the
/// environment (`--token-from-env`, `SCIMDECK_TOKEN`) or a prompt without echo. Never from the
/// command line: argv is visible to every user of the machine.
struct TokenInput: ParsableArguments {
    @Option(name: .customLong("token-file"), help: "Read the API token from this file (keep it readable by you alone).")
    var tokenFile: String?

    @Flag(name: .customLong("token-from-env"), help: "Read the API token from SCIMDECK_TOKEN.")
    var tokenFromEnvironment = false

    @Flag(name: .customLong("prompt-token"), help: "Ask for the API token on the terminal, without echo.")
    var promptForToken = false

    var isGiven: Bool { tokenFile != nil || tokenFromEnvironment || promptForToken }

    /// The token asked for, or nil when none of the options was given.
    func read() throws -> BearerToken? {
        if let tokenFile { return try SCIMTokenSource.fromFile(tokenFile) }
        if tokenFromEnvironment {
            guard let token = try SCIMTokenSource.fromEnvironment() else {
                throw ValidationError("--token-from-env: $\(SCIMTokenSource.environmentVariable) is not set")
            }
            return token
        }
        if promptForToken { return try SCIMTokenSource.fromPrompt() }
        return nil
    }
}
