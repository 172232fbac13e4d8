import Foundation
import Store
import XCTest

/// A store test case with secrets to seal, a key file of the test's own, and a byte search of the
/// store's files.
class SecretStoreTestCase: StoreTestCase {
    let token = "axiad-bearer-7Hq2LmX9vR4tZp8sK1wD"
    let bindPassword = "bind-pass-Zorro-4455-quux"
    let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7kq\n-----END PRIVATE KEY-----\n"

    var keyPath: String { directory.appendingPathComponent("config/scimdeck/store.key").path }

    func openStore(keyFile: String) throws -> ScimdeckStore {
        try ScimdeckStore(path: storePath, keys: KeyFile(path: keyFile))
    }

    /// Every file of the store (main, -wal) that holds `text`'s bytes.
    func filesHolding(_ text: String, store path: String? = nil) throws -> [String] {
        let base = path ?? storePath
        return try [base, base + "-wal", base + "-journal"].filter { file in
            guard FileManager.default.fileExists(atPath: file) else { return false }
            return try Data(contentsOf: URL(fileURLWithPath: file)).range(of: Data(text.utf8)) != nil
        }
    }

    func addApp(_ store: ScimdeckStore, _ label: String = "Axiad") throws -> Int64 {
        try XCTUnwrap(try store.records(AppIntegration.self).insert(AppIntegration(catalogEntry: "axiad-cloud", label: label)).id)
    }
}
