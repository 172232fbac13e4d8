import Foundation

/// The Django app of `Tests/Fixtures/django_scim_app` (django-scim2's stock views on SQLite, behind a
/// bearer-token check) on a free loopback port, its database migrated into a temporary directory of
/// its own. It exits when the test process goes away (it watches its stdin), and `stop` removes
/// the directory.
public final class DjangoSCIMFixture: SCIMServiceProvider, @unchecked Sendable {
    public let port: Int
    public let token: String
    public var basePath: String { "/scim/v2" }
    private let process: Process
    private let lifeline: Pipe
    private let directory: URL

    public static var projectDirectory: URL {
        TestEnvironment.packageRoot.appendingPathComponent("Tests/Fixtures/django_scim_app")
    }

    /// Starts an app with an empty database, trying new ports on a clash.
    public static func start(token: String = "django-token-\(UUID().uuidString)") throws -> DjangoSCIMFixture {
        var lastError: any Error = SCIMServerFixtureError.notStarted("no attempt made")
        for _ in 0..<5 {
            do {
                return try DjangoSCIMFixture(port: TestEnvironment.freeLoopbackPort(), token: token)
            } catch let error as SCIMServerFixtureError {
                if case .notInstalled = error { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    private init(port: Int, token: String) throws {
        let python = TestEnvironment.venvTool("python3")
        guard FileManager.default.fileExists(atPath: TestEnvironment.venv.appendingPathComponent("bin/django-admin").path) else {
            throw SCIMServerFixtureError.notInstalled(TestEnvironment.venv.path)
        }
        self.port = port
        self.token = token
        directory = try TestEnvironment.makeTemporaryDirectory("django-scim")
        process = Process()
        lifeline = Pipe()
        process.executableURL = python
        process.arguments = [Self.projectDirectory.appendingPathComponent("serve.py").path, String(port)]
        var environment = ProcessInfo.processInfo.environment
        // The token through the environment, never argv.
        environment["SCIMDECK_TEST_TOKEN"] = token
        environment["SCIMDECK_DJANGO_DB"] = directory.appendingPathComponent("db.sqlite3").path
        environment["SCIMDECK_DJANGO_NETLOC"] = "127.0.0.1:\(port)"
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        process.environment = environment
        process.standardInput = lifeline
        let log = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        do {
            try process.run()
            try waitUntilListening(log: log)
        } catch {
            stop()
            throw error
        }
    }

    /// The server's own log (its requests and any traceback), for a failing test to print.
    public var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }

    private func waitUntilListening(log: URL) throws {
        // Migrating a fresh database comes first: a few seconds on a busy machine.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            guard process.isRunning else {
                throw SCIMServerFixtureError.notStarted("the Django SCIM app exited on port \(port): \(self.log.suffix(800))")
            }
            if let descriptor = LoopbackSocket.connect(port: port) {
                close(descriptor)
                return
            }
            usleep(50_000)
        }
        throw SCIMServerFixtureError.notStarted("the Django SCIM app did not listen on port \(port) within 60 s")
    }

    public func stop() {
        try? lifeline.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        if process.processIdentifier != 0 { process.waitUntilExit() }
        try? FileManager.default.removeItem(at: directory)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
