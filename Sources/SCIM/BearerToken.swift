import Foundation

/// An API token. It prints, dumps and reflects as `****`; only the client reads the secret, to build the header.
public struct BearerToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    /// Trims surrounding white space (a token file usually ends in a newline); nil when nothing is left
    /// or when the token holds characters that cannot go in an HTTP header.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value > 0x7E }) else { return nil }
        secret = trimmed
    }

    var authorizationValue: String { "Bearer \(secret)" }

    /// The token itself, for writing to the owner-only secrets store and nowhere else.
    public var revealedForStorage: String { secret }

    public var description: String { "****" }
    public var debugDescription: String { "BearerToken(****)" }
    public var customMirror: Mirror { Mirror(self, children: ["secret": "****"]) }
}
