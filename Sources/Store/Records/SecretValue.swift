import Foundation

/// Secret bytes (an API token, a private key) that never print: `description`, `debugDescription`,
/// `dump` and string interpolation all show a mask. Read the bytes only through `reveal`.
public struct SecretValue: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let bytes: Data

    public init(_ bytes: Data) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Data(text.utf8) }

    public static let mask = "••••••"

    public var description: String { Self.mask }
    public var debugDescription: String { Self.mask }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Hands the bytes to `body` (to put in a header, to sign with). Do not log what it gets.
    public func reveal<Result>(_ body: (Data) throws -> Result) rethrows -> Result { try body(bytes) }

    /// The secret as UTF-8 text, e.g. a bearer token.
    public func revealText() -> String? { String(data: bytes, encoding: .utf8) }
}
