import Foundation
import Provisioning
import Store
import TestSupport
import XCTest

/// `app set`, `app test`, `app show`, `plan` and `sync` through the built binary, all reading the
/// Provisioning rules: a refused change writes nothing; readiness is said the same way everywhere.
final class AppSettingsCommandTests: XCTestCase {
    private struct Stored: Equatable {
        var apps: [AppIntegration]
        var signOn: [Store.SignOnSettings]
        var provisioning: [ProvisioningSettings]
        var secrets: [String]
    }

    private func stored(_ path: String) throws -> Stored {
        let store = try ScimdeckStore(path: path)
        let apps = try store.records(AppIntegration.self).all()
        return Stored(apps: apps, signOn: try store.records(Store.SignOnSettings.self).all(),
                      provisioning: try store.records(ProvisioningSettings.self).all(),
                      secrets: try apps.compactMap(\.id).flatMap { id in try store.secrets.names(appId: id).map { "\(id):\($0)" } })
    }

    func test_appSetWithABadBaseURLChangesNothingNotEvenTheLabel() throws {
        let cli = try CLIWorkspace("app-set-whole")
        defer { cli.stop() }
        try cli.run(["app", "add", "--catalog", "Axiad Cloud", "--label", "Axiad"], expect: 0)
        let before = try stored(cli.storePath)

        let refused = try cli.run(["app", "set", "--app", "Axiad", "--label", "Axiad renamed", "--acs-url", "https://axiad.example/saml/acs",
                                   "--token-file", cli.tokenFile.path, "--create-users", "on", "--base-url", "http://example.com/scim"], expect: 64)
        XCTAssertTrue(refused.stderr.contains("The base URL must use https"), refused.stderr)
        XCTAssertEqual(try stored(cli.storePath), before, "the label, the ACS URL, the token and Create Users were all left as they were")
        XCTAssertEqual(try cli.run(["app", "list", "--json"], expect: 0).stdout.contains("Axiad renamed"), false)

        let several = try cli.run(["app", "set", "--app", "Axiad", "--label", "", "--name-id-format", "fingerprint",
                                   "--attribute-statement", "no-equals-sign"], expect: 64)
        for said in ["label cannot be empty", "Name ID format must be one of", "write it as NAME=EXPRESSION"] {
            XCTAssertTrue(several.stderr.contains(said), "every problem is said at once: \(several.stderr)")
        }
        XCTAssertEqual(try stored(cli.storePath), before)

        let saved = try cli.run(["app", "set", "--app", "Axiad", "--label", "Axiad (prod)", "--base-url", cli.server.baseURL.absoluteString,
                                 "--token-file", cli.tokenFile.path, "--enable-api-integration"], expect: 0)
        XCTAssertEqual(saved.stdout, "saved Axiad (prod): General, Provisioning, API token\n")
        XCTAssertEqual(try cli.run(["app", "set", "--app", "Axiad (prod)", "--label", "Axiad (prod)"], expect: 0).stdout, "nothing to change\n")
    }

    func test_readinessIsSaidByAppListPlanAndSyncAndAppTestChecksTheStoredCredentials() throws {
        let cli = try CLIWorkspace("app-readiness")
        defer { cli.stop() }
        try cli.run(["app", "add", "--catalog", "Axiad Cloud", "--label", "Axiad"], expect: 0)
        func listed() throws -> String? {
            let rows = try XCTUnwrap(try cli.run(["app", "list", "--json"], expect: 0).json() as? [[String: Any]])
            return rows.first?["provisioning"] as? String
        }
        XCTAssertEqual(try listed(), "off")
        let off = try cli.run(["sync", "--app", "Axiad"])
        XCTAssertNotEqual(off.status, 0)
        XCTAssertTrue(off.stderr.contains("API integration is not enabled for Axiad"), off.stderr)
        XCTAssertTrue(try cli.run(["plan", "--app", "Axiad"], expect: 0).stderr.contains("a sync would not start: API integration is not enabled"))

        // On with a URL but no token: a state the console's tabs cannot make, and `app set` can (the token may come from SCIMDECK_TOKEN).
        try cli.run(["app", "set", "--app", "Axiad", "--enable-api-integration", "--base-url", cli.server.baseURL.absoluteString], expect: 0)
        XCTAssertEqual(try listed(), "not ready: no API token")
        let noToken = try cli.run(["sync", "--app", "Axiad"])
        XCTAssertNotEqual(noToken.status, 0)
        XCTAssertTrue(noToken.stderr.contains("Axiad has no API token"), noToken.stderr)
        let untested = try cli.run(["app", "test", "--app", "Axiad"], expect: 1)
        XCTAssertEqual(untested.stdout, "The SCIM service failed the test: no API token is stored for Axiad\n")

        let given = try cli.run(["app", "test", "--app", "Axiad", "--token-file", cli.tokenFile.path], expect: 0)
        XCTAssertTrue(given.stdout.hasPrefix("API credentials verified successfully"), given.stdout)
        XCTAssertEqual(try stored(cli.storePath).secrets, [], "testing stores nothing")
        try cli.run(["app", "set", "--app", "Axiad", "--token-file", cli.tokenFile.path], expect: 0)
        XCTAssertEqual(try listed(), "active")
        XCTAssertTrue(try cli.run(["app", "test", "--app", "Axiad"], expect: 0).stdout.hasPrefix("API credentials verified successfully"))
        let wrongURL = try cli.run(["app", "test", "--app", "Axiad", "--base-url", "http://example.com/scim"], expect: 1)
        XCTAssertTrue(wrongURL.stdout.hasPrefix("Bad base URL: The base URL must use https"), wrongURL.stdout)
        XCTAssertFalse((untested.stdout + given.stdout + wrongURL.stdout).contains(cli.server.token), "the token was printed")
    }
}
