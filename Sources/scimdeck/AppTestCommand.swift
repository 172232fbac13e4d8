import ArgumentParser
import Provisioning
import Store

/// `scimdeck app test --app A`: the Integration tab's **Test API Credentials**, on the app's stored
/// base URL and token (or the ones given here, to check them before `app set` stores them).
struct AppTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Test an app's API credentials: one authenticated GET /Users?startIndex=1&count=1.",
        discussion: """
            Uses the app's stored base URL and API token unless --base-url or a token option is given. \
            Prints whether the credentials verified, or why not: bad URL, unreachable, token refused, not a \
            SCIM endpoint. Exits 1 when they did not verify. Stores nothing.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var app: AppOption
    @Option(name: .customLong("base-url"), help: "Test this base URL instead of the stored one.") var baseURL: String?
    @OptionGroup var token: TokenInput
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let store = try ScimdeckStore(path: global.storePath)
        let found = try app.resolve(in: store)
        let given = try token.read()
        let tester = CredentialTester(store: store, app: found, transport: try connection.transport(maxInFlight: 1))
        let check = await tester.test(baseURL: baseURL, token: given.map(CredentialTester.Token.given) ?? .stored)
        print(check.message)
        if !check.succeeded { throw ExitCode.failure }
    }
}
