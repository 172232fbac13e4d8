import ArgumentParser

/// `scimdeck scim test`: the Test API Credentials button, from a shell.
struct SCIMTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Test API credentials: one authenticated GET /Users?startIndex=1&count=1.",
        discussion: "Prints whether the credentials verified, or why not: bad URL, unreachable, token refused, not a SCIM endpoint. Exits 1 when they did not verify."
    )

    @OptionGroup var connection: SCIMConnectionOptions

    func run() async throws {
        let client = try connection.makeClient()
        let check = await client.testCredentials()
        print(check.message)
        if !check.succeeded { throw ExitCode.failure }
    }
}
