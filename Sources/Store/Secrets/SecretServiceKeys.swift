import Foundation

/// The store's key in the desktop keyring, through the Secret Service (GNOME Keyring, KWallet), by way
/// of libsecret's `secret-tool`: no library to link, and nothing when there is no session bus.
///
/// Each key is an item with `application=scimdeck`, its `fingerprint`, and its `role`: `current` (new
/// secrets are sealed with it), `next` (staged by a rotation) or `previous` (the key a rotation replaced).
/// Opening tries every scimdeck item, whatever its role, so a rotation cut off at any step, or two
/// processes making the first key at once, never leave a secret without its key.
public struct SecretServiceKeys: SecretKeySource {
    let environment: [String: String]
    let tool: String

    /// How long one `secret-tool` call may take: a locked keyring waits for a prompt nobody may answer.
    static let deadline: TimeInterval = 10

    public var location: String { "the Secret Service keyring (items with application=scimdeck)" }

    /// The keyring, when the session bus offers one; nil otherwise (then the key file is used).
    public static func available(environment: [String: String]) -> SecretServiceKeys? {
        guard let bus = environment["DBUS_SESSION_BUS_ADDRESS"], !bus.isEmpty,
              let tool = executable("secret-tool", environment: environment) else { return nil }
        let keys = SecretServiceKeys(environment: environment, tool: tool)
        // `search` answers 0, items or none, only when a Secret Service is on the bus.
        guard let probe = try? keys.run(["search", "application", "scimdeck"], deadline: 5), probe.status == 0 else { return nil }
        return keys
    }

    public func openingKeys() throws -> [SecretKey] {
        let current = try lookup(role: "current")
        let found = try run(["search", "--all", "application", "scimdeck"])
        // `search` prints each item's secret on stdout as `secret = …` (its attributes go to stderr).
        let others = String(decoding: found.stdout, as: UTF8.self).split(separator: "\n").compactMap { line -> SecretKey? in
            guard line.hasPrefix("secret = ") else { return nil }
            return SecretKey(fileText: String(line.dropFirst("secret = ".count)))
        }
        var keys: [SecretKey] = []
        for key in [current].compactMap({ $0 }) + others where !keys.contains(key) { keys.append(key) }
        return keys
    }

    public func sealingKey() throws -> SecretKey {
        if let key = try lookup(role: "current") { return key }
        let fresh = SecretKey.random()
        try store(fresh, role: "current")
        // Another process may have made one at the same moment: both items stay, so either opens.
        return try lookup(role: "current") ?? fresh
    }

    public func stage(_ fresh: SecretKey) throws {
        try store(fresh, role: "next")
    }

    /// The new key becomes current before the old one stops being: no moment without a current key.
    public func promote(_ fresh: SecretKey) throws {
        let old = try lookup(role: "current")
        try store(fresh, role: "current")
        if let old, old != fresh {
            try clear(["role", "previous"])
            try store(old, role: "previous")
            try clear(["role", "current", "fingerprint", old.fingerprint])
        }
        try clear(["role", "next", "fingerprint", fresh.fingerprint])
    }

    private func lookup(role: String) throws -> SecretKey? {
        let result = try run(["lookup", "application", "scimdeck", "role", role])
        guard result.status == 0, !result.stdout.isEmpty else { return nil }
        guard let key = SecretKey(fileText: String(decoding: result.stdout, as: UTF8.self)) else {
            throw SecretStoreError.keyringFailed("the keyring's scimdeck item (role \(role)) does not hold a scimdeck key")
        }
        return key
    }

    private func store(_ key: SecretKey, role: String) throws {
        let result = try run(["store", "--label", "scimdeck store key (\(role))", "application", "scimdeck",
                              "role", role, "fingerprint", key.fingerprint],
                             input: Data(key.fileText.trimmingCharacters(in: .whitespacesAndNewlines).utf8))
        guard result.status == 0 else { throw SecretStoreError.keyringFailed(result.message) }
    }

    private func clear(_ attributes: [String]) throws {
        let result = try run(["clear", "application", "scimdeck"] + attributes)
        // 1 with nothing said: there was no such item.
        guard result.status == 0 || result.message.isEmpty else { throw SecretStoreError.keyringFailed(result.message) }
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var message: String { String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Runs `secret-tool ARGUMENTS`, the secret (when storing) on its stdin, never in its argv.
    func run(_ arguments: [String], input: Data? = nil, deadline: TimeInterval = SecretServiceKeys.deadline) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { throw SecretStoreError.keyringFailed("cannot run \(tool): \(error.localizedDescription)") }
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        // Read while it runs: a full pipe would keep it from ever exiting.
        let output = Reader(stdout.fileHandleForReading), errors = Reader(stderr.fileHandleForReading)
        guard finished.wait(timeout: .now() + deadline) == .success else {
            process.terminate()
            throw SecretStoreError.keyringFailed("secret-tool did not answer within \(Int(deadline)) s (a locked keyring waiting for a password?)")
        }
        return Result(status: process.terminationStatus, stdout: output.wait(), stderr: errors.wait())
    }

    private static func executable(_ name: String, environment: [String: String]) -> String? {
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class Reader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = (try? handle.readToEnd()) ?? Data()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
