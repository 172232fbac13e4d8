import JSON

/// Pretty JSON with sorted keys on stdout, the shape every `--json` flag prints: written by the one
/// JSON writer, so the CLI escapes and orders exactly as request bodies and the request log do.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        StandardStreams.out(try JSONValue(encoding: value).encodedText(pretty: true) + "\n")
    }

    /// One compact JSON object per line, for progress streams.
    static func line(_ value: some Encodable) {
        if let json = try? JSONValue(encoding: value) {
            StandardStreams.out(json.encodedText() + "\n")
        }
    }
}
