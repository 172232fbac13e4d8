import Foundation
import Store
import TestSupport
import XCTest

/// Secrets at rest through the built binary against scim2-server: no token, signing key or bind password
/// in the store's bytes, its WAL or an export, before or after a sync; a store copied without its key
/// lists its apps and says which key its secrets want; rotation keeps every app syncing.
final class SecretsAtRestCommandTests: XCTestCase {
    var server: SCIMServerFixture!
    var directory: URL!
    var storePath: String { directory.appendingPathComponent("store.sqlite").path }
    var tokenFile: URL { directory.appendingPathComponent("token") }
    let bindPassword = "bind-pass-Zorro-4455-quux"

    override func setUpWithError() throws {
        server = try SCIMServerFixture.start()
        directory = try TestEnvironment.makeTemporaryDirectory("secrets-cli")
        try Data(server.token.utf8).write(to: tokenFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tokenFile.path)
    }

    override func tearDownWithError() throws {
        server?.stop()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    @discardableResult
    func scimdeck(_ arguments: [String], store: String? = nil, keyFile: String? = nil, expect status: Int32 = 0,
                  file: StaticString = #filePath, line: UInt = #line) throws -> ScimdeckRun {
        var environment: [String: String]?
        if let keyFile {
            environment = ProcessInfo.processInfo.environment
            environment?[StoreKeyLocation.environmentVariable] = keyFile
        }
        let run = try ScimdeckRun.run(arguments + ["--store", store ?? storePath], in: directory, environment: environment)
        XCTAssertEqual(run.status, status, "scimdeck \(arguments.joined(separator: " ")): \(run.stdout) \(run.stderr)", file: file, line: line)
        return run
    }

    /// Two apps against the server, each with its token and SAML signing key, one person assigned to each.
    func makeApps(_ labels: [String] = ["Axiad"]) throws {
        try scimdeck(["directory", "add", "person", "zoe@corp.example", "--first-name", "Zoë", "--last-name", "Ng", "--email", "zoe@corp.example"])
        for label in labels {
            try scimdeck(["app", "add", "--catalog", "Generic SCIM 2.0", "--label", label])
            try scimdeck(["app", "set", "--app", label, "--base-url", server.baseURL.absoluteString, "--token-file", tokenFile.path,
                          "--enable-api-integration", "--create-users", "on", "--update-users", "on", "--deactivate-users", "on"])
            try scimdeck(["saml", "keygen", "--app", label])
            try scimdeck(["assign", "--app", label, "--person", "zoe@corp.example"])
        }
    }

    /// The files (store, -wal, or any other given) whose bytes hold `text`.
    func filesHolding(_ text: String, in paths: [String]) throws -> [String] {
        try paths.filter { path in
            guard FileManager.default.fileExists(atPath: path) else { return false }
            return try Data(contentsOf: URL(fileURLWithPath: path)).range(of: Data(text.utf8)) != nil
        }
    }

    func test_noSecretIsInTheStoreItsWALOrAnExportBeforeOrAfterASync() throws {
        try makeApps()
        let store = try ScimdeckStore(path: storePath)
        let appID = try XCTUnwrap(try store.apps.app(named: "Axiad")?.id)
        // A bind password under a name of its own, as a directory source will keep one.
        try store.secrets.set(SecretValue(bindPassword), name: "ldapBindPassword")
        let bundle = try XCTUnwrap(try store.secrets.get(name: SecretName.samlSigningKey, appId: appID)?.revealText())
        let keyLines = bundle.split(separator: "\n").filter { !$0.hasPrefix("-----") }
        let keyLine = String(try XCTUnwrap(keyLines.dropFirst(3).first))
        let secrets = [server.token, bindPassword, keyLine]

        func assertNoSecret(_ moment: String, file: StaticString = #filePath, line: UInt = #line) throws {
            let export = directory.appendingPathComponent("support-\(UUID().uuidString.prefix(6)).sqlite").path
            let exported = try scimdeck(["store", "export", export, "--without-secrets"])
            XCTAssertTrue(exported.stdout.contains("without secrets (3 left out)"), exported.stdout, file: file, line: line)
            for secret in secrets {
                XCTAssertEqual(try filesHolding(secret, in: [storePath, storePath + "-wal", export, export + "-wal"]), [],
                               "\(moment): \(secret.prefix(10))… in no file", file: file, line: line)
            }
        }

        try assertNoSecret("before the sync")
        let synced = try scimdeck(["sync", "--app", "Axiad"])
        XCTAssertTrue(synced.stdout.contains("create or link user: 1"), synced.stdout)
        XCTAssertFalse(try store.provisioning.requestLog(appId: appID, limit: 100).isEmpty, "the sync logged its requests")
        try assertNoSecret("after the sync")
        XCTAssertEqual(try store.secrets.get(name: "ldapBindPassword")?.revealText(), bindPassword)
    }

    func test_aStoreCopiedWithoutItsKeyListsAppsSaysWhichKeyItWantsAndANewTokenFixesIt() throws {
        try makeApps()
        try scimdeck(["sync", "--app", "Axiad"])
        let copy = directory.appendingPathComponent("copied.sqlite").path
        try FileManager.default.copyItem(atPath: storePath, toPath: copy)
        let fingerprint = try XCTUnwrap(try KeyFile(path: TestEnvironment.isolatedKeyFile).openingKeys().first?.fingerprint)
        let otherKey = directory.appendingPathComponent("elsewhere/store.key").path

        let listed = try scimdeck(["app", "list"], store: copy, keyFile: otherKey)
        XCTAssertTrue(listed.stdout.contains("Axiad"), listed.stdout)
        let plan = try scimdeck(["plan", "--app", "Axiad"], store: copy, keyFile: otherKey)
        XCTAssertFalse(plan.stderr.contains("cannot be read"), plan.stderr)
        let shown = try scimdeck(["app", "show", "--app", "Axiad"], store: copy, keyFile: otherKey)
        XCTAssertTrue(shown.stdout.contains("API token             the API token of \"Axiad\" cannot be read: it was sealed with key \(fingerprint) and there is no key at the key file \(otherKey)"), shown.stdout)
        let checked = try scimdeck(["secrets", "check"], store: copy, keyFile: otherKey, expect: 1)
        XCTAssertTrue(checked.stdout.contains("the API token of \"Axiad\"         \(fingerprint)  cannot be read"), checked.stdout)
        XCTAssertTrue(checked.stdout.contains("the SAML signing key of \"Axiad\"  \(fingerprint)  cannot be read"), checked.stdout)
        let refused = try scimdeck(["sync", "--app", "Axiad"], store: copy, keyFile: otherKey, expect: 1)
        XCTAssertTrue(refused.stderr.contains("cannot be read: it was sealed with key \(fingerprint)"), refused.stderr)

        try scimdeck(["app", "set", "--app", "Axiad", "--token-file", tokenFile.path], store: copy, keyFile: otherKey)
        let fixed = try scimdeck(["app", "show", "--app", "Axiad"], store: copy, keyFile: otherKey)
        XCTAssertTrue(fixed.stdout.contains("API token             ••••"), fixed.stdout)
        try scimdeck(["directory", "add", "person", "ann@corp.example", "--first-name", "Ann", "--last-name", "Lee"], store: copy, keyFile: otherKey)
        try scimdeck(["assign", "--app", "Axiad", "--person", "ann@corp.example"], store: copy, keyFile: otherKey)
        let resynced = try scimdeck(["sync", "--app", "Axiad"], store: copy, keyFile: otherKey)
        XCTAssertTrue(resynced.stdout.contains("create or link user: 1"), resynced.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: otherKey), "re-entering the token made the key there")
    }

    func test_rotateKeyKeepsEveryAppSyncingAndSigning() throws {
        try makeApps(["Axiad", "Second"])
        try scimdeck(["sync", "--app", "Axiad"])
        let before = try XCTUnwrap(try KeyFile(path: TestEnvironment.isolatedKeyFile).openingKeys().first?.fingerprint)
        let certificate = try scimdeck(["saml", "cert", "--app", "Second"]).stdout

        let rotated = try scimdeck(["secrets", "rotate-key"])
        XCTAssertTrue(rotated.stdout.contains("resealed 4 secrets under key "), rotated.stdout)
        XCTAssertTrue(rotated.stdout.contains("(was \(before))"), rotated.stdout)
        let after = try XCTUnwrap(try KeyFile(path: TestEnvironment.isolatedKeyFile).openingKeys().first?.fingerprint)
        XCTAssertNotEqual(after, before)
        // The new key alone opens every secret.
        let onlyNew = directory.appendingPathComponent("only-new/store.key").path
        try FileManager.default.createDirectory(atPath: (onlyNew as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.copyItem(atPath: TestEnvironment.isolatedKeyFile, toPath: onlyNew)

        try scimdeck(["directory", "add", "person", "ann@corp.example", "--first-name", "Ann", "--last-name", "Lee"])
        // Axiad had Zoë already; Second gets Zoë and Ann.
        for (label, created) in [("Axiad", 1), ("Second", 2)] {
            try scimdeck(["assign", "--app", label, "--person", "ann@corp.example"])
            let synced = try scimdeck(["sync", "--app", label], keyFile: onlyNew)
            XCTAssertTrue(synced.stdout.contains("create or link user: \(created)"), synced.stdout)
        }
        XCTAssertEqual(try scimdeck(["saml", "cert", "--app", "Second"], keyFile: onlyNew).stdout, certificate, "the same signing key, resealed")
        try scimdeck(["secrets", "check"], keyFile: onlyNew)
    }
}
