import Foundation

/// Which secret a message is about: its name and the app it belongs to (nil: the workspace).
public struct SecretIdentity: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var appId: Int64?
    public var appLabel: String?

    public var description: String {
        let what: String
        switch name {
        case SecretName.apiToken: what = "the API token"
        case SecretName.samlSigningKey: what = "the SAML signing key"
        default: what = "the secret \"\(name)\""
        }
        guard let appId else { return what + " of the workspace" }
        return what + " of " + (appLabel.map { "\"\($0)\"" } ?? "app \(appId)")
    }

    /// How to replace the secret, for messages that tell the reader to.
    var howToReenter: String {
        let app = appLabel.map { "\"\($0)\"" } ?? appId.map(String.init) ?? "…"
        switch name {
        case SecretName.apiToken: return "enter the token again (`scimdeck app set --app \(app) --token-file FILE`)"
        case SecretName.samlSigningKey: return "make a new one (`scimdeck saml keygen --app \(app) --rotate`)"
        default: return "enter it again"
        }
    }
}

/// Why a secret cannot be sealed or opened, or the key cannot be had, said so the reader can act.
public enum SecretStoreError: Error, Equatable, LocalizedError, CustomStringConvertible {
    /// The secret was sealed with a key (`wanted`, a fingerprint) that is not among those at `location`
    /// (`found`: the fingerprints there, empty when there is no key at all).
    case keyNotHere(SecretIdentity, wanted: String, location: String, found: [String])
    /// The right key, and still the value does not open: it was changed, or moved from another row.
    case tampered(SecretIdentity)
    case cannotCreateKeyFile(path: String, reason: String)
    case unreadableKeyFile(path: String, reason: String)
    case exposedKeyFile(path: String, mode: Int)
    case keyringFailed(String)
    /// Rotation would leave these secrets behind, sealed with a key that is not here.
    case rotationBlocked([SecretStoreError])

    public var description: String {
        switch self {
        case let .keyNotHere(secret, wanted, location, found):
            let there = found.isEmpty
                ? "there is no key at \(location)"
                : "\(location) holds key \(found.joined(separator: ", ")) instead (the wrong key)"
            return "\(secret) cannot be read: it was sealed with key \(wanted) and \(there). "
                + "Bring that key (set \(StoreKeyLocation.environmentVariable) to its file), or \(secret.howToReenter)."
        case let .tampered(secret):
            return "\(secret) cannot be read: its sealed value was changed or moved from another secret; \(secret.howToReenter)"
        case let .cannotCreateKeyFile(path, reason):
            return "cannot write the store's key file \(path): \(reason); set \(StoreKeyLocation.environmentVariable) to a path you can write"
        case let .unreadableKeyFile(path, reason):
            return "cannot read the store's key file \(path): \(reason)"
        case let .exposedKeyFile(path, mode):
            return "the store's key file \(path) can be read by others (mode \(String(mode, radix: 8))): run `chmod 600 \(path)`"
        case let .keyringFailed(reason):
            return "the Secret Service keyring failed: \(reason); set \(StoreKeyLocation.environmentVariable) to keep the store's key in a file instead"
        case let .rotationBlocked(errors):
            return "nothing was rotated: \(errors.count) secret\(errors.count == 1 ? "" : "s") cannot be read with the keys here, "
                + "and would be lost. Re-enter or bring their key first:\n"
                + errors.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    public var errorDescription: String? { description }
}
