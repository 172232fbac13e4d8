import ArgumentParser
import Foundation
import SCIM

/// `scimdeck scim get PATH`: one GET under the base URL, its JSON printed.
struct SCIMGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "GET a path under the base URL and print its JSON.",
        discussion: "Examples: `scimdeck scim get ServiceProviderConfig --url URL`, `scimdeck scim get 'Users?filter=userName eq \"ada\"' --url URL`."
    )

    @Argument(help: "The path under the base URL, with any query (spaces and quotes are encoded for you).")
    var path: String

    @OptionGroup var connection: SCIMConnectionOptions

    func run() async throws {
        let client = try connection.makeClient()
        do {
            let json = try await client.getJSON(path: path)
            print(String(decoding: json.encoded(pretty: true), as: UTF8.self))
        } catch let error as SCIMClientError {
            StandardStreams.err("scimdeck: \(error)\n")
            throw ExitCode.failure
        }
    }
}
