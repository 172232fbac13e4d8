import Foundation

/// Pretty, sorted JSON on stdout, the shape every `--json` flag prints.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        StandardStreams.out(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }

    /// One compact JSON object per line, for progress streams.
    static func line(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(value) {
            StandardStreams.out(String(decoding: data, as: UTF8.self) + "\n")
        }
    }
}
