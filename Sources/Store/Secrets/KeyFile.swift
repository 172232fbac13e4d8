import Foundation

/// The store's key in a file readable by its owner alone (0600, in a 0700 directory), made with random
/// bytes on first use. Every write goes to a temporary file that is then moved into place, so a
/// reader never sees half a key.
///
/// Beside it, during and after a rotation: `PATH.next` (the new key, staged before any secret is sealed
/// with it) and `PATH.previous` (the key it replaced, so another store that shared it still opens). Opening
/// tries all three, matched by fingerprint.
public struct KeyFile: SecretKeySource {
    public let path: String

    public init(path: String) { self.path = path }

    public var location: String { "the key file \(path)" }

    var nextPath: String { path + ".next" }
    var previousPath: String { path + ".previous" }

    public func openingKeys() throws -> [SecretKey] {
        var keys: [SecretKey] = []
        for candidate in [path, nextPath, previousPath] {
            if let key = try Self.read(candidate), !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    public func sealingKey() throws -> SecretKey {
        if let key = try Self.read(path) { return key }
        try Self.write(SecretKey.random(), to: path, replacing: false)
        // Another process may have made it first: the file is the one key, whoever wrote it.
        guard let key = try Self.read(path) else {
            throw SecretStoreError.cannotCreateKeyFile(path: path, reason: "it vanished as soon as it was written")
        }
        return key
    }

    public func stage(_ fresh: SecretKey) throws {
        try Self.write(fresh, to: nextPath, replacing: true)
    }

    public func promote(_ fresh: SecretKey) throws {
        if let current = try Self.read(path), current != fresh {
            try Self.write(current, to: previousPath, replacing: true)
        }
        if rename(nextPath, path) != 0 {
            // Nothing staged (or it was moved already): write the key itself.
            try Self.write(fresh, to: path, replacing: true)
        }
        Self.syncDirectory(of: path)
    }

    /// The key at `path`; nil when there is no file.
    static func read(_ path: String) throws -> SecretKey? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw SecretStoreError.unreadableKeyFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw SecretStoreError.unreadableKeyFile(path: path, reason: String(cString: strerror(errno)))
        }
        // As ssh does with a private key: one that others can read is refused, not used.
        if status.st_mode & 0o077 != 0 {
            throw SecretStoreError.exposedKeyFile(path: path, mode: Int(status.st_mode & 0o777))
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        let data = (try? handle.readToEnd()) ?? Data()
        guard let key = SecretKey(fileText: String(decoding: data, as: UTF8.self)) else {
            throw SecretStoreError.unreadableKeyFile(path: path, reason: "it does not hold a scimdeck key (\(SecretKey.byteCount) bytes in base64)")
        }
        return key
    }

    /// Writes `key` to a temporary file beside `path`, then moves it to `path`: with `replacing`, by
    /// `rename` (atomic); without, by `link`, which fails when `path` exists, so two processes making
    /// the first key at once end up with one.
    static func write(_ key: SecretKey, to path: String, replacing: Bool) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try makeDirectory(directory, for: path)
        let temporary = path + ".tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SecretStoreError.cannotCreateKeyFile(path: path, reason: String(cString: strerror(errno))) }
        defer { unlink(temporary) }
        let bytes = Array(key.fileText.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, synced == 0 else {
            throw SecretStoreError.cannotCreateKeyFile(path: path, reason: String(cString: strerror(errno)))
        }
        if replacing {
            guard rename(temporary, path) == 0 else {
                throw SecretStoreError.cannotCreateKeyFile(path: path, reason: String(cString: strerror(errno)))
            }
        } else if link(temporary, path) != 0, errno != EEXIST {
            throw SecretStoreError.cannotCreateKeyFile(path: path, reason: String(cString: strerror(errno)))
        }
        syncDirectory(of: path)
    }

    private static func makeDirectory(_ directory: String, for path: String) throws {
        guard !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw SecretStoreError.cannotCreateKeyFile(path: path, reason: error.localizedDescription)
        }
    }

    /// A rename is durable only once the directory is synced.
    private static func syncDirectory(of path: String) {
        let descriptor = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
