import ArgumentParser
import Foundation
import SCIM

/// Where an API token comes from: a file (`--token-file`), the environment (`SCIMDECK_TOKEN`) or,
/// on a terminal, a prompt that does not echo. Never from the command line: argv is visible to
/// every user of the machine.
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
        if let tokenFile {
            let text: String
            do {
                text = try String(contentsOfFile: tokenFile, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read the token file \(tokenFile): \(error.localizedDescription)")
            }
            guard let token = BearerToken(text) else { throw ValidationError("the token file \(tokenFile) holds no usable token") }
            return token
        }
        if tokenFromEnvironment {
            guard let text = ProcessInfo.processInfo.environment["SCIMDECK_TOKEN"], let token = BearerToken(text) else {
                throw ValidationError("SCIMDECK_TOKEN is not set or holds no usable token")
            }
            return token
        }
        if promptForToken {
            guard let text = Self.promptWithoutEcho("API token: "), let token = BearerToken(text) else {
                throw ValidationError("no token was entered")
            }
            return token
        }
        return nil
    }

    /// The token text itself, for storing: the file's or variable's content, trimmed.
    func readText() throws -> String? {
        if let tokenFile { return try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
        if tokenFromEnvironment { return ProcessInfo.processInfo.environment["SCIMDECK_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines) }
        if promptForToken { return Self.promptWithoutEcho("API token: ") }
        return nil
    }

    static func promptWithoutEcho(_ prompt: String) -> String? {
        StandardStreams.err(prompt)
        var saved = termios()
        let isTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        if isTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        }
        defer {
            if isTerminal {
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                StandardStreams.err("\n")
            }
        }
        return readLine(strippingNewline: true)
    }
}
