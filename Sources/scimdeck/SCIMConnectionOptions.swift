import ArgumentParser
import Foundation
import HTTP
import SCIM

/// Where the SCIM service is and how to reach it. The token is never an argument: argv is visible
/// to every user of the machine (`ps`) and lands in shell history.
struct SCIMConnectionOptions: ParsableArguments {
    @Option(help: "The SCIM base URL, such as https://example.com/scim/v2.")
    var url: String

    @Option(name: .customLong("token-file"), help: ArgumentHelp(
        "A file holding the API token (else $SCIMDECK_TOKEN, else a prompt that does not echo).", valueName: "file"))
    var tokenFile: String?

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Seconds before one request is abandoned.")
    var timeout: Double = 30

    func validate() throws {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
              parsed.host?.isEmpty == false
        else { throw ValidationError("--url must be an http:// or https:// URL with a host, such as https://example.com/scim/v2") }
        if let caFile = connection.caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("--ca-file \(caFile) cannot be read")
        }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0") }
    }

    func makeClient(retry: SCIMRetryPolicy = .standard, maxInFlight: Int = 8) throws -> SCIMClient {
        guard let baseURL = URL(string: url) else { throw ValidationError("--url is not a URL") }
        let token = try SCIMTokenSource.read(tokenFile: tokenFile)
        let configuration = SCIMClientConfiguration(baseURL: baseURL, token: token, timeout: timeout, retry: retry)
        return SCIMClient(configuration: configuration, transport: try connection.transport(maxInFlight: maxInFlight))
    }
}
