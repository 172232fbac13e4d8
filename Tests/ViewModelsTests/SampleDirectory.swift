import Foundation

/// The repo's Samples/directory.csv (50 people, names in many scripts), found from this file.
enum SampleDirectory {
    static let path: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples/directory.csv").path
}
