import Foundation

/// A private Secret Service for a test: its own `dbus-daemon` session bus on a socket in a temporary
/// directory, and a `gnome-keyring-daemon` on it with an unlocked login keyring. Stopped (both
/// processes, by their own handles) with `stop()`.
public final class SecretServiceFixture: @unchecked Sendable {
    /// What a scimdeck on this bus needs: the bus address, a HOME and runtime dir of its own, PATH.
    public let environment: [String: String]
    public let directory: URL
    private let bus: Process
    private let keyring: Process

    /// Whether the tools are installed (Debian: dbus-daemon, gnome-keyring, libsecret-tools).
    public static var isInstalled: Bool {
        ["/usr/bin/dbus-daemon", "/usr/bin/gnome-keyring-daemon", "/usr/bin/secret-tool"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    public static func start() throws -> SecretServiceFixture {
        let directory = try TestEnvironment.makeTemporaryDirectory("secret-service")
        let runtime = directory.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let socket = directory.appendingPathComponent("bus").path
        let environment = [
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=\(socket)", "HOME": directory.path, "XDG_RUNTIME_DIR": runtime.path,
            "XDG_DATA_HOME": directory.appendingPathComponent("data").path, "PATH": "/usr/bin:/bin",
        ]
        let bus = Process()
        bus.executableURL = URL(fileURLWithPath: "/usr/bin/dbus-daemon")
        bus.arguments = ["--session", "--nofork", "--nopidfile", "--address=unix:path=\(socket)"]
        bus.environment = environment
        bus.standardOutput = FileHandle.nullDevice
        bus.standardError = FileHandle.nullDevice
        try bus.run()
        try waitFor("the session bus socket") { FileManager.default.fileExists(atPath: socket) }

        let keyring = Process()
        keyring.executableURL = URL(fileURLWithPath: "/usr/bin/gnome-keyring-daemon")
        // --unlock reads the login keyring's password from stdin and makes that keyring the default.
        keyring.arguments = ["--foreground", "--unlock", "--components=secrets"]
        keyring.environment = environment
        let password = Pipe()
        keyring.standardInput = password
        keyring.standardOutput = FileHandle.nullDevice
        keyring.standardError = FileHandle.nullDevice
        try keyring.run()
        password.fileHandleForWriting.write(Data("test-keyring-password".utf8))
        try? password.fileHandleForWriting.close()

        let fixture = SecretServiceFixture(environment: environment, directory: directory, bus: bus, keyring: keyring)
        do {
            try waitFor("the Secret Service on the bus") { fixture.secretTool(["search", "application", "scimdeck"]) == 0 }
        } catch {
            fixture.stop()
            throw error
        }
        return fixture
    }

    private init(environment: [String: String], directory: URL, bus: Process, keyring: Process) {
        self.environment = environment
        self.directory = directory
        self.bus = bus
        self.keyring = keyring
    }

    /// The exit status of `secret-tool ARGUMENTS` on this bus.
    public func secretTool(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/secret-tool")
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    public func stop() {
        for process in [keyring, bus] where process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func waitFor(_ what: String, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while !condition() {
            guard Date() < deadline else { throw SecretServiceFixtureError.notReady(what) }
            usleep(20_000)
        }
    }
}

public enum SecretServiceFixtureError: Error, CustomStringConvertible {
    case notReady(String)
    public var description: String {
        switch self {
        case .notReady(let what): return "\(what) did not come up within 20 s"
        }
    }
}
