import Crypto
import Foundation

/// A key that seals the store's secrets (256 bits for ChaCha20-Poly1305), and its fingerprint.
///
/// The fingerprint is what the store records beside each sealed secret, so that a store opened with
/// another key says which key it wants. It is a hash of the key under a label of its own, never the key.
public struct SecretKey: Sendable, Equatable {
    // The bytes, not a `SymmetricKey`: swift-crypto's key type is not `Sendable` on Linux.
    private let bytes: Data
    var symmetric: SymmetricKey { SymmetricKey(data: bytes) }
    /// 16 hex digits naming the key, e.g. `3f9a1c0d5b7e2a64`.
    public let fingerprint: String

    public static let byteCount = 32

    init(bytes: Data) {
        self.bytes = bytes
        var hasher = SHA256()
        hasher.update(data: Data("scimdeck store key fingerprint\u{0}".utf8))
        hasher.update(data: bytes)
        fingerprint = hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// A fresh key from the system's random source.
    public static func random() -> SecretKey {
        SecretKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    /// The key as the key file holds it: base64 on one line.
    var fileText: String {
        bytes.base64EncodedString() + "\n"
    }

    /// The key a key file holds, or nil when the text is not one.
    init?(fileText: String) {
        guard let bytes = Data(base64Encoded: fileText.trimmingCharacters(in: .whitespacesAndNewlines)),
              bytes.count == Self.byteCount else { return nil }
        self.init(bytes: bytes)
    }

    public static func == (lhs: SecretKey, rhs: SecretKey) -> Bool { lhs.fingerprint == rhs.fingerprint }
}
