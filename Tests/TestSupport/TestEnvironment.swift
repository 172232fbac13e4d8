import Foundation

/// Paths the tests need: the package root, the test venv made by `scripts/setup`, the built binary.
public enum TestEnvironment {
    /// The package root, found from this file's own path (Tests/TestSupport/…).
    public static let packageRoot: URL = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `$SCIMDECK_VENV`, else `<root>/.venv`.
    public static var venv: URL {
        if let path = ProcessInfo.processInfo.environment["SCIMDECK_VENV"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.appendingPathComponent(".venv")
    }

    public static func venvTool(_ name: String) -> URL {
        venv.appendingPathComponent("bin").appendingPathComponent(name)
    }

    /// The scimdeck executable built next to the test bundle.
    public static var scimdeckBinary: URL {
        let bundleDirectory = Bundle.main.bundleURL
        let beside = bundleDirectory.appendingPathComponent("scimdeck")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/scimdeck")
    }

    /// The store key file of this test process, in a temporary directory of its own, set once as
    /// `SCIMDECK_KEY_FILE` for the process and every scimdeck it starts, so that no test makes or reads
    /// a key in the machine's `~/.config`. Touched by `makeTemporaryDirectory` and `ScimdeckRun`, which
    /// every test that opens a store file goes through.
    public static let isolatedKeyFile: String = {
        let directory = isolatedKeyDirectory
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = directory.appendingPathComponent("store.key").path
        setenv("SCIMDECK_KEY_FILE", path, 1)
        // The test process's keys go with it.
        atexit { try? FileManager.default.removeItem(at: TestEnvironment.isolatedKeyDirectory) }
        return path
    }()

    private static let isolatedKeyDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("scimdeck-test-key-\(getpid())-\(UUID().uuidString.prefix(8))")

    /// A fresh directory under the system temp dir, removed by the caller.
    public static func makeTemporaryDirectory(_ prefix: String = "scimdeck-test") throws -> URL {
        _ = isolatedKeyFile
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now (servers here take no `--port 0`).
    public static func freeLoopbackPort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw TestEnvironmentError.noFreePort }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TestEnvironmentError.noFreePort }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        guard named == 0 else { throw TestEnvironmentError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public enum TestEnvironmentError: Error, CustomStringConvertible {
    case noFreePort
    public var description: String { "no free TCP port on 127.0.0.1" }
}
