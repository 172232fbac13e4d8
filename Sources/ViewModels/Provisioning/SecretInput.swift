import SCIM

/// The API Token field while it is typed (or read from a file): holds the characters, shows only
/// bullets. `description`, `debugDescription`, `dump` and interpolation all give the mask, so no
/// rendering, log line or test failure message can carry the token.
public struct SecretInput: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private var characters: String

    public init() { characters = "" }

    init(_ text: String) { characters = text }

    public var isEmpty: Bool { characters.isEmpty }
    public var count: Int { characters.count }

    /// One bullet per character typed, as a password field shows it.
    public var masked: String { String(repeating: "•", count: characters.count) }

    mutating func append(_ text: String) {
        // A paste may carry the newline a token file ends with; the field holds one line.
        characters += text.filter { !$0.isNewline }
    }

    mutating func deleteBackward() {
        if !characters.isEmpty { characters.removeLast() }
    }

    mutating func clear() { characters = "" }

    /// The token to test or save; nil when empty or holding characters a header cannot carry.
    var token: BearerToken? { BearerToken(characters) }

    public var description: String { masked }
    public var debugDescription: String { "SecretInput(\(masked))" }
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }
}
