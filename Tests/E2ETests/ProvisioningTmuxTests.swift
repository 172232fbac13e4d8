import Foundation
import GRDB
import TestSupport
import XCTest

/// The guide's steps 2.1–2.8 in the real `scimdeck` binary, in tmux, against a real scim2-server:
/// Integration (enable, Base URL, token from a 0600 file, Test API Credentials, Save), To App (Edit,
/// the three toggles, Save), givenName's expression; then the CLI sees what was stored, a sync sends
/// the edited mapping, and the token shows up in no screen, log or output.
final class ProvisioningTmuxTests: ConsoleEndToEndCase {
    private let label = "Axiad Cloud (e2e)"

    func test_configureIntegrationAndToAppFromTheConsoleThenSyncSendsTheEditedMapping() throws {
        let server: SCIMServerFixture
        do {
            server = try SCIMServerFixture.start(token: "e2e-\(UUID().uuidString)-secret")
        } catch {
            throw XCTSkip("scim2-server is not available (scripts/setup.sh --test): \(error)")
        }
        defer { server.stop() }
        let token = server.token

        // The store as an admin would set it up from the command line.
        let store = directory.appendingPathComponent("store.sqlite").path
        _ = try cli(["app", "add", "--store", store, "--catalog", "Axiad Cloud", "--label", label])
        _ = try cli(["directory", "add", "person", "--store", store, "jose.nunez@corp.example", "--first-name", "José",
                     "--last-name", "Núñez", "--email", "jose.nunez@corp.example"])
        _ = try cli(["assign", "--store", store, "--app", label, "--person", "jose.nunez@corp.example"])
        let tokenFile = directory.appendingPathComponent("axiad.token")
        XCTAssertTrue(FileManager.default.createFile(atPath: tokenFile.path, contents: Data((token + "\n").utf8),
                                                     attributes: [.posixPermissions: 0o600]))

        // Anything the console writes under XDG lands in the test's directory, to be searched for the token.
        let xdg = ["XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"]
            .map { "\($0)=\(directory.appendingPathComponent($0.lowercased()).path)" }.joined(separator: " ")
        let tmux = try TmuxSession(command: try consoleCommand(store: store, environment: xdg), columns: 100, rows: 30)

        try tmux.waitFor("the app in the list") { $0.contains("▸ \(label)") }
        try tmux.keys("Enter")
        try tmux.waitFor("the app's tabs") { $0.contains("General │ Sign On │ Provisioning") }
        try tmux.keys("3")
        try tmux.waitFor("To App, read from the store") { $0.contains("Provisioning to App") && $0.contains("[e] Edit") && $0.contains("preview for: José Núñez") }

        // 2.1–2.4: Integration → Configure API Integration, enable, Base URL, the token from its file, Test, Save.
        try tmux.keys("i")
        try tmux.waitFor("the Integration summary") { $0.contains("[ Configure API Integration ]") }
        try tmux.keys("Enter")
        try tmux.waitFor("the form") { $0.contains("☐ Enable API integration") && $0.contains("Ctrl-T test") }
        try tmux.keys("Space")
        try tmux.waitFor("integration enabled") { $0.contains("☑ Enable API integration") }
        try tmux.keys("Tab")
        try tmux.type(server.baseURL.absoluteString)
        try tmux.waitFor("the Base URL typed") { $0.contains("Base URL     \(server.baseURL.absoluteString)") }
        try tmux.keys("Tab", "Tab")
        try tmux.type(tokenFile.path)
        try tmux.keys("Enter")
        let read = try tmux.waitFor("the token read from the file") { $0.contains("read from ") && $0.contains(String(repeating: "•", count: 20)) }
        XCTAssertFalse(read.contains(token), read)
        // ⏎ on the token file moved the focus to Test API Credentials.
        try tmux.keys("Enter")
        try tmux.waitFor("the credentials verified", timeout: .seconds(20)) { $0.contains("✓ \(label) was verified successfully!") }
        try tmux.keys("C-s")
        let saved = try tmux.waitFor("the Integration saved") { $0.contains("Saved.") && $0.contains("[ Edit ]") }
        XCTAssertTrue(saved.contains("••••" + token.suffix(4)), saved)
        XCTAssertTrue(saved.contains(server.baseURL.absoluteString), saved)

        // 2.5–2.7: To App → Edit, Create / Update / Deactivate Users, Save.
        try tmux.keys("t")
        try tmux.waitFor("To App") { $0.contains("Provisioning to App") && $0.contains("[e] Edit") }
        try tmux.keys("e")
        try tmux.waitFor("To App editing") { $0.contains("Ctrl-S save · Esc cancel") }
        try tmux.keys("Space", "Down", "Space", "Down", "Space")
        try tmux.waitFor("the three boxes ticked") {
            $0.contains("☑ Create Users") && $0.contains("☑ Update User Attributes") && $0.contains("☑ Deactivate Users")
        }
        try tmux.keys("C-s")
        try tmux.waitFor("To App saved") { $0.contains("[e] Edit") && $0.contains("Saved.") }

        // 2.8: givenName's expression, edited with its live preview.
        try tmux.keys("Down", "Enter")
        try tmux.waitFor("the expression editor") { $0.contains("Edit name.givenName") && $0.contains("Expression  user.firstName") }
        try tmux.keys("C-u")
        try tmux.type("String.toUpperCase(user.firstName")
        try tmux.waitFor("the parse error") { $0.contains("✗ Invalid expression at column") }
        try tmux.type(")")
        try tmux.waitFor("the live preview") { $0.contains("→ \"JOSÉ\"  for José Núñez") }
        try tmux.keys("Enter")
        try tmux.waitFor("the mapping saved") { $0.contains("String.toUpperCase(user.firstName)") && !$0.contains("Edit name.givenName") }

        try tmux.keys("q")
        try tmux.waitFor("the Applications list") { $0.contains("▸ \(label)") && $0.contains("● Active") }
        try tmux.keys("q")
        try tmux.waitFor("the exit status") { $0.contains("EXITED 0") }

        // What the console stored is what the CLI reads.
        let shown = try cli(["app", "show", "--store", store, "--app", label, "--json"])
        let json = try XCTUnwrap(try shown.json() as? [String: Any])
        let settings = try XCTUnwrap(json["settings"] as? [String: Any], shown.stdout)
        XCTAssertEqual(settings["apiIntegrationEnabled"] as? Bool, true)
        XCTAssertEqual(settings["baseURL"] as? String, server.baseURL.absoluteString)
        XCTAssertEqual(settings["apiToken"] as? String, "••••" + token.suffix(4))
        XCTAssertEqual(settings["createUsers"] as? Bool, true)
        XCTAssertEqual(settings["updateUserAttributes"] as? Bool, true)
        XCTAssertEqual(settings["deactivateUsers"] as? Bool, true)
        let mappings = try XCTUnwrap(json["mappings"] as? [[String: Any]])
        XCTAssertEqual(mappings.first { $0["attribute"] as? String == "name.givenName" }?["expression"] as? String,
                       "String.toUpperCase(user.firstName)")

        // The stored URL and token work: a sync with nothing but the store sends the edited mapping.
        let sync = try cli(["sync", "--store", store, "--app", label])
        let user = try cli(["scim", "get", "Users?filter=userName eq \"jose.nunez@corp.example\"", "--url", server.baseURL.absoluteString,
                            "--token-file", tokenFile.path])
        XCTAssertNotNil(user.stdout.range(of: #""givenName"\s*:\s*"JOS(É|\\u00[cC]9)""#, options: .regularExpression), user.stdout)

        // The token: on no screen ever captured, in no command's output, in no table but the secrets, in no other file.
        let prefix = String(token.prefix(16))
        XCTAssertGreaterThan(tmux.captures.count, 20, "every wait captured the pane")
        for capture in tmux.captures {
            XCTAssertFalse(capture.contains(token) || capture.contains(prefix), "a screen showed the token:\n\(capture)")
        }
        for output in [shown.stdout, shown.stderr, sync.stdout, sync.stderr] {
            XCTAssertFalse(output.contains(prefix), output)
        }
        let leaks = try rowsHolding(prefix, inStoreAt: store)
        XCTAssertEqual(leaks, [], "the token is in the store outside its secrets table")
        XCTAssertGreaterThan(try count("requestLogEntry", inStoreAt: store), 0, "the sync logged its requests (searched above)")
        let files = try filesHolding(prefix, except: [tokenFile.lastPathComponent, "store.sqlite", "store.sqlite-wal", "store.sqlite-shm"])
        XCTAssertEqual(files, [], "a file the app wrote holds the token")
    }

    // MARK: Looking for the token

    /// `table.column` of every value in the store that holds `text`, the secrets table aside.
    private func rowsHolding(_ text: String, inStoreAt path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        return try database.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'secret'")
            var found: [String] = []
            for table in tables {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    for column in row.columnNames {
                        let value: DatabaseValue = row[column]
                        let string: String? = switch value.storage {
                        case .string(let text): text
                        case .blob(let data): String(decoding: data, as: UTF8.self)
                        default: nil
                        }
                        if string?.contains(text) == true { found.append("\(table).\(column)") }
                    }
                }
            }
            return found
        }
    }

    private func count(_ table: String, inStoreAt path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? 0
        }
    }

    /// Files under the test's directory (the store's folder and the XDG homes) that hold `text`.
    private func filesHolding(_ text: String, except names: Set<String>) throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var found: [String] = []
        for case let url as URL in walker where !names.contains(url.lastPathComponent) {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            if String(decoding: try Data(contentsOf: url), as: UTF8.self).contains(text) { found.append(url.path) }
        }
        return found
    }
}
