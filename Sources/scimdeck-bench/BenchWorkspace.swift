import ArgumentParser
import Foundation
import SCIM
import Store

/// What the sync benchmarks share: the server's token from `SCIMDECK_TOKEN`, and a throwaway store
/// file in a folder of its own, removed by `remove()`.
struct BenchWorkspace {
    let token: BearerToken
    let directory: URL
    let store: ScimdeckStore

    init() throws {
        guard let token = ProcessInfo.processInfo.environment["SCIMDECK_TOKEN"].flatMap(BearerToken.init) else {
            throw ValidationError("set SCIMDECK_TOKEN to the server's token")
        }
        self.token = token
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("scimdeck-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ScimdeckStore(path: directory.appendingPathComponent("bench.sqlite").path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
