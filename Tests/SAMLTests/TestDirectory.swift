import Foundation
import TestSupport

/// A temporary directory removed when the value goes away.
final class TestDirectory {
    let url: URL

    init() throws {
        url = try TestEnvironment.makeTemporaryDirectory("scimdeck-saml")
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
