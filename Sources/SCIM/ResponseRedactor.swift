import Foundation

/// Takes credentials out of what an app answers, before anything in scimdeck sees the answer: an app
/// that echoes the request (an error page listing the headers, a debug endpoint) must not get the
/// API token printed, logged, journaled or stored. Applied once, where a response enters the client,
/// so every consumer downstream gets the redacted bytes.
struct ResponseRedactor: Sendable {
    static let mask = Array("****".utf8)
    private static let bearer = Array("bearer".utf8)

    /// Tokens shorter than this are not searched for alone (they would match ordinary text), though
    /// `Bearer <them>` still is.
    static let minimumTokenLength = 6
    /// The token as it may come back: as sent, and with `/` escaped as `\/` (JSON encoders such as PHP's do that).
    let tokens: [[UInt8]]

    init(token: String) {
        let bytes = Array(token.utf8)
        guard bytes.count >= Self.minimumTokenLength else {
            tokens = []
            return
        }
        let escaped = Array(token.replacingOccurrences(of: "/", with: "\\/").utf8)
        tokens = escaped == bytes ? [bytes] : [escaped, bytes]
    }

    func redact(_ response: HTTPResponse) -> HTTPResponse {
        var redacted = response
        if let body = redact(bytes: response.body) { redacted.body = body }
        redacted.headers = response.headers.map { header in
            guard let value = redact(bytes: Data(header.value.utf8)) else { return header }
            return (header.name, String(decoding: value, as: UTF8.self))
        }
        return redacted
    }

    /// The bytes with the token and every `Bearer <credential>` value masked; nil when there was none
    /// (the common case, which costs one scan and no copy).
    func redact(bytes data: Data) -> Data? {
        let input = [UInt8](data)
        guard contains(input) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if let length = matchingToken(input, at: index) {
                output.append(contentsOf: Self.mask)
                index += length
            } else if Self.matchesBearer(input, at: index) {
                // Keep the word and the blanks after it, mask the credential that follows.
                var cursor = index + Self.bearer.count
                while cursor < input.count, input[cursor] == 0x20 || input[cursor] == 0x09 { cursor += 1 }
                output.append(contentsOf: input[index..<cursor])
                let credentialStart = cursor
                while cursor < input.count {
                    if input[cursor] == UInt8(ascii: "\\"), cursor + 1 < input.count, input[cursor + 1] == UInt8(ascii: "/") {
                        cursor += 2  // a JSON-escaped slash is part of the credential
                    } else if Self.endsCredential(input[cursor]) {
                        break
                    } else {
                        cursor += 1
                    }
                }
                if cursor > credentialStart { output.append(contentsOf: Self.mask) }
                index = cursor
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return Data(output)
    }

    private func contains(_ input: [UInt8]) -> Bool {
        for index in input.indices where matchingToken(input, at: index) != nil || Self.matchesBearer(input, at: index) {
            return true
        }
        return false
    }

    /// The length of the form of the token found at `index`, if one is.
    private func matchingToken(_ input: [UInt8], at index: Int) -> Int? {
        for token in tokens where Self.matches(token, input, at: index) { return token.count }
        return nil
    }

    private static func matches(_ token: [UInt8], _ input: [UInt8], at index: Int) -> Bool {
        guard input[index] == token[0], index + token.count <= input.count else { return false }
        for offset in 1..<token.count where input[index + offset] != token[offset] { return false }
        return true
    }

    /// `bearer` in any case, as a word, followed by a blank and something that is not already the mask.
    private static func matchesBearer(_ input: [UInt8], at index: Int) -> Bool {
        guard input[index] | 0x20 == bearer[0], index + bearer.count < input.count else { return false }
        for offset in 1..<bearer.count where input[index + offset] | 0x20 != bearer[offset] { return false }
        if index > 0, isWordByte(input[index - 1]) { return false }
        let next = input[index + bearer.count]
        guard next == 0x20 || next == 0x09 else { return false }
        var cursor = index + bearer.count
        while cursor < input.count, input[cursor] == 0x20 || input[cursor] == 0x09 { cursor += 1 }
        guard cursor < input.count, !endsCredential(input[cursor]) else { return false }
        return !(cursor + mask.count <= input.count && Array(input[cursor..<cursor + mask.count]) == mask
                 && (cursor + mask.count == input.count || endsCredential(input[cursor + mask.count])))
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
    }

    /// Bytes that cannot be part of a bearer credential as it appears in echoed text: blanks, quotes,
    /// separators, brackets and the backslash of a JSON escape.
    private static func endsCredential(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F || [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: ";"),
                                          UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "}"),
                                          UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "&")].contains(byte)
    }
}
