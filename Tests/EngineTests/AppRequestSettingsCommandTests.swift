import Foundation
import SCIM
import TestSupport
import XCTest

/// `app set --user-agent … --concurrency N`, shown by `app show` and sent by `sync` (read at a proxy
/// in front of scim2-server), and `mapping set` refusing an attribute the app's /Schemas lacks.
final class AppRequestSettingsCommandTests: XCTestCase {
    func test_userAgentAndConcurrencyAreSetShownAndTheUserAgentIsSent() throws {
        let cli = try CLIWorkspace("app-request-settings")
        defer { cli.stop() }
        let proxy = try FaultProxy(inFrontOf: cli.server)
        defer { proxy.stop() }
        try cli.addAxiadApp("Axiad", baseURL: proxy.baseURL)
        try cli.run(["directory", "add", "person", "ana@corp.example", "--first-name", "Ana", "--last-name", "Lind", "--email", "ana@corp.example"], expect: 0)
        try cli.run(["assign", "--app", "Axiad", "--person", "ana@corp.example"], expect: 0)

        let defaults = try cli.run(["app", "show", "--app", "Axiad"], expect: 0).stdout
        XCTAssertTrue(defaults.contains("User-Agent            \(SCIMClientConfiguration.defaultUserAgent)"), defaults)
        XCTAssertTrue(defaults.contains("Requests in flight    4"), defaults)

        try cli.run(["app", "set", "--app", "Axiad", "--user-agent", "Okta SCIM Client 1.0.0", "--concurrency", "1"], expect: 0)
        let shown = try cli.run(["app", "show", "--app", "Axiad"], expect: 0).stdout
        XCTAssertTrue(shown.contains("User-Agent            Okta SCIM Client 1.0.0"), shown)
        XCTAssertTrue(shown.contains("Requests in flight    1"), shown)
        try cli.run(["sync", "--app", "Axiad"], expect: 0)
        XCTAssertFalse(proxy.seen.isEmpty)
        XCTAssertEqual(Set(proxy.seen.map { $0.header("User-Agent") ?? "none" }), ["Okta SCIM Client 1.0.0"])

        let badConcurrency = try cli.run(["app", "set", "--app", "Axiad", "--concurrency", "0"])
        XCTAssertEqual(badConcurrency.status, 64, badConcurrency.stderr)
        XCTAssertTrue(badConcurrency.stderr.contains("from 1 to 64"), badConcurrency.stderr)
        let badAgent = try cli.run(["app", "set", "--app", "Axiad", "--user-agent", "Okta\u{1B}[2J"])
        XCTAssertEqual(badAgent.status, 64, badAgent.stderr)

        try cli.run(["app", "set", "--app", "Axiad", "--user-agent", "default", "--concurrency", "default"], expect: 0)
        let reset = try cli.run(["app", "show", "--app", "Axiad", "--json"], expect: 0).stdout
        XCTAssertTrue(reset.contains(#""userAgent":"\#(SCIMClientConfiguration.defaultUserAgent)""#) || reset.contains(#""userAgent" : "\#(SCIMClientConfiguration.defaultUserAgent)""#), reset)
    }

    func test_mappingSetRefusesAnAttributeTheAppsSchemasLack() throws {
        let cli = try CLIWorkspace("mapping-schema-check")
        defer { cli.stop() }
        try cli.addAxiadApp("Axiad")
        let refused = try cli.run(["mapping", "set", "--app", "Axiad", "name.givnName", "user.firstName"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("/Schemas has no attribute name.givnName; did you mean name.givenName?"), refused.stderr)
        try cli.run(["mapping", "set", "--app", "Axiad", "name.middleName", "user.login"], expect: 0)
    }
}
