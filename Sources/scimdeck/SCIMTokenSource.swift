import ArgumentParser
import SCIM
import Foundation

/// Reads the API token from `--token-file`, `$SCIMDECK_TOKEN`, or the terminal with echo off, in that order.
enum SCIMTokenSource {
    static let environmentVariable = "SCIMDECK_TOKEN"

    static func read(tokenFile: String?) throws -> BearerToken {
        if let tokenFile { return try fromFile(tokenFile) }
        if let token = try fromEnvironment() { return token }
        return try fromPrompt()
    }

    static func fromFile(_ path: String) throws -> BearerToken {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("--token-file \(path) cannot be read")
        }
        return try parse(String(decoding: data, as: UTF8.self), from: "--token-file \(path)")
    }

    /// Nil when the variable is unset or empty.
    static func fromEnvironment() throws -> BearerToken? {
        guard let value = ProcessInfo.processInfo.environment[environmentVariable], !value.isEmpty else { return nil }
        return try parse(value, from: "$\(environmentVariable)")
    }

    static func fromPrompt() throws -> BearerToken {
        try parse(try SecretPrompt.read("API token: ", whenNoInput: "no token: pass --token-file, set $\(environmentVariable), or run on a terminal to be asked"), from: "the prompt")
    }

    private static func parse(_ text: String, from source: String) throws -> BearerToken {
        guard let token = BearerToken(text) else {
            throw ValidationError("the token from \(source) is empty or holds spaces or control characters")
        }
        return token
    }
}
