import Foundation
import TestSupport
import XCTest

/// `scimdeck scim test` and `scimdeck scim get`, run as the built binary against scim2-server.
final class ScimdeckSCIMCommandTests: XCTestCase {
    private func run(_ arguments: [String], token: String?, stdin: String? = nil, extraEnvironment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = TestEnvironment.scimdeckBinary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SCIMDECK_TOKEN"] = token
        environment.merge(extraEnvironment) { _, new in new }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func test_scimTestVerifiesWithATokenFile() throws {
        let server = try SCIMServerFixture.shared()
        let directory = try TestEnvironment.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tokenFile = directory.appendingPathComponent("token")
        try Data((server.token + "\n").utf8).write(to: tokenFile)
        let result = try run(["scim", "test", "--url", server.baseURL.absoluteString, "--token-file", tokenFile.path], token: nil)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("API credentials verified successfully"), result.output)
    }

    func test_scimTestReportsARefusedTokenAndExits1() throws {
        let server = try SCIMServerFixture.shared()
        let result = try run(["scim", "test", "--url", server.baseURL.absoluteString], token: "nope-\(UUID())")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("The API token was refused (HTTP 401)"), result.output)
        XCTAssertFalse(result.output.contains("nope-"))
    }

    func test_scimTestReadsTheTokenFromStdinWhenNoTerminal() throws {
        let server = try SCIMServerFixture.shared()
        let result = try run(["scim", "test", "--url", server.baseURL.absoluteString], token: nil, stdin: server.token + "\n")
        XCTAssertEqual(result.status, 0, result.output)
    }

    func test_scimGetPrintsJSON() throws {
        let server = try SCIMServerFixture.shared()
        let result = try run(["scim", "get", "Users?filter=userName eq \"nobody-at-all\"", "--url", server.baseURL.absoluteString], token: server.token)
        XCTAssertEqual(result.status, 0, result.output)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        XCTAssertEqual(json?["totalResults"] as? Int, 0)
    }

    func test_scimGetOfAMissingUserSaysWhy() throws {
        let server = try SCIMServerFixture.shared()
        let result = try run(["scim", "get", "Users/no-such-id", "--url", server.baseURL.absoluteString], token: server.token)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("HTTP 404"), result.output)
        XCTAssertFalse(result.output.contains(server.token))
    }

    func test_tokenIsNotAnOption() throws {
        let result = try run(["scim", "test", "--url", "http://127.0.0.1:9/v2", "--token", "secret"], token: nil)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.output.contains("Unknown option '--token'"), result.output)
    }

    /// A proxy from the environment is never used for loopback (here it points at a closed port).
    func test_loopbackBypassesAProxyFromTheEnvironment() throws {
        let server = try SCIMServerFixture.shared()
        let deadPort = try TestEnvironment.freeLoopbackPort()
        let proxy = "http://127.0.0.1:\(deadPort)"
        let result = try run(["scim", "test", "--url", server.baseURL.absoluteString], token: server.token,
                             extraEnvironment: ["http_proxy": proxy, "HTTPS_PROXY": proxy, "ALL_PROXY": proxy, "NO_PROXY": ""])
        XCTAssertEqual(result.status, 0, result.output)
    }
}
