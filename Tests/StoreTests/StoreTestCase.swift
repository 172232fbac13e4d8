import Foundation
import Store
import TestSupport
import XCTest

/// A test case with a fresh store file in its own temporary directory, removed afterwards.
class StoreTestCase: XCTestCase {
    var directory: URL!
    var storePath: String { directory.appendingPathComponent("scimdeck.sqlite").path }

    override func setUpWithError() throws {
        directory = try TestEnvironment.makeTemporaryDirectory("scimdeck-store")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func openStore() throws -> ScimdeckStore {
        try ScimdeckStore(path: storePath)
    }

    /// A file under Tests/StoreTests/Fixtures, e.g. `csv/people.csv`.
    func fixture(_ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures").appendingPathComponent(name)
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
        return url.path
    }

    /// Writes `text` to a file in the temporary directory and returns its path.
    func writeFile(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func importFile(_ path: String, into store: ScimdeckStore, _ options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try DirectoryImporter(store: store).importFile(at: path, options: options)
    }

    /// The POSIX permission bits of a file.
    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try XCTUnwrap(attributes[.posixPermissions] as? Int)
    }
}
