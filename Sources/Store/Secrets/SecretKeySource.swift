import Foundation

/// Where the store's secret key lives, outside the store: a key file (`KeyFile`) or, for an in-memory
/// store, the process's memory (`EphemeralSecretKeys`).
///
/// Rotation is two steps around the store's own transaction so that a crash between them never
/// strands a secret: `stage` keeps the new key on hand for opening before any secret is sealed with
/// it, `promote` makes it the current key once every secret is.
public protocol SecretKeySource: Sendable {
    /// Where the key is looked for, as messages say it: `the key file /home/ann/.config/scimdeck/store.key`.
    var location: String { get }
    /// Every key on hand to open a secret, the current one first; empty when no key was made yet.
    func openingKeys() throws -> [SecretKey]
    /// The key new secrets are sealed with, made (and kept) on first use.
    func sealingKey() throws -> SecretKey
    /// Keeps `fresh` on hand for opening, beside the current key, before the store seals anything with it.
    func stage(_ fresh: SecretKey) throws
    /// Makes the staged `fresh` the current key; the key it replaces stays on hand as the previous one.
    func promote(_ fresh: SecretKey) throws
}

/// A key that lives as long as the process: for `ScimdeckStore()` (tests, previews), which has no file
/// to keep a key beside.
public final class EphemeralSecretKeys: SecretKeySource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: SecretKey
    private var others: [SecretKey] = []

    public init(_ key: SecretKey = .random()) { current = key }

    public var location: String { "this process's memory (an in-memory store)" }

    public func openingKeys() throws -> [SecretKey] { lock.withLock { [current] + others } }

    public func sealingKey() throws -> SecretKey { lock.withLock { current } }

    public func stage(_ fresh: SecretKey) throws { lock.withLock { others.insert(fresh, at: 0) } }

    public func promote(_ fresh: SecretKey) throws {
        lock.withLock {
            others.removeAll { $0 == fresh }
            others.insert(current, at: 0)
            current = fresh
        }
    }
}
