import Crypto
import Foundation

/// Seals and opens secret values with ChaCha20-Poly1305: a fresh random nonce for each value, and the
/// secret's app and name bound in as associated data, so a sealed value copied into another row (another
/// app's token, the signing key's row) does not open there.
enum SecretSealer {
    static func seal(_ plain: Data, name: String, appId: Int64?, with key: SecretKey) throws -> Data {
        try ChaChaPoly.seal(plain, using: key.symmetric, authenticating: associatedData(name: name, appId: appId)).combined
    }

    /// The plain value, or nil when `sealed` does not open under `key` for this name and app.
    static func open(_ sealed: Data, name: String, appId: Int64?, with key: SecretKey) -> Data? {
        guard let box = try? ChaChaPoly.SealedBox(combined: sealed) else { return nil }
        return try? ChaChaPoly.open(box, using: key.symmetric, authenticating: associatedData(name: name, appId: appId))
    }

    static func associatedData(name: String, appId: Int64?) -> Data {
        Data("scimdeck secret v1\u{0}\(appId.map(String.init) ?? "workspace")\u{0}\(name)".utf8)
    }
}
