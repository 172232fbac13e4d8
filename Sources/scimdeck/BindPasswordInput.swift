import ArgumentParser
import Foundation
import Store

/// Where a directory source's bind password comes from: a file (`--password-file`), the environment
/// (`--password-from-env`, `SCIMDECK_BIND_PASSWORD`) or a prompt without echo. Never from the
/// command line: argv is visible to every user of the machine.
struct BindPasswordInput: ParsableArguments {
    static let environmentVariable = "SCIMDECK_BIND_PASSWORD"

    @Option(name: .customLong("password-file"), help: "Read the bind password from this file (keep it readable by you alone).")
    var passwordFile: String?

    @Flag(name: .customLong("password-from-env"), help: "Read the bind password from SCIMDECK_BIND_PASSWORD.")
    var passwordFromEnvironment = false

    @Flag(name: .customLong("prompt-password"), help: "Ask for the bind password on the terminal, without echo (the default).")
    var promptForPassword = false

    func read() throws -> SecretValue {
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile) else {
                throw ValidationError("--password-file \(passwordFile) cannot be read")
            }
            return try parse(String(decoding: data, as: UTF8.self), from: "--password-file \(passwordFile)")
        }
        if passwordFromEnvironment {
            guard let value = ProcessInfo.processInfo.environment[Self.environmentVariable], !value.isEmpty else {
                throw ValidationError("--password-from-env: $\(Self.environmentVariable) is not set")
            }
            return try parse(value, from: "$\(Self.environmentVariable)")
        }
        return try parse(try SecretPrompt.read("Bind password: ", whenNoInput: "no bind password: pass --password-file, --password-from-env, or run on a terminal to be asked"), from: "the prompt")
    }

    /// One line: a file's trailing newline is not part of the password.
    private func parse(_ text: String, from source: String) throws -> SecretValue {
        var value = text
        while value.hasSuffix("\n") || value.hasSuffix("\r") { value.removeLast() }
        guard !value.isEmpty else { throw ValidationError("the bind password from \(source) is empty") }
        return SecretValue(value)
    }
}
