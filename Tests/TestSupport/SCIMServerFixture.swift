import Foundation

/// A real `scim2-server` (from the test venv) on a free loopback port, with a bearer token.
/// It watches its stdin and exits when the test process goes away, so no server outlives a crashed run.
public final class SCIMServerFixture: @unchecked Sendable {
    public let port: Int
    public let token: String
    private let process: Process
    private let lifeline: Pipe

    /// One server for the whole test process, started on first use and stopped at exit.
    public static func shared() throws -> SCIMServerFixture {
        try sharedServer.get()
    }

    private static let sharedServer: Result<SCIMServerFixture, any Error> = {
        Result {
            let server = try SCIMServerFixture.start()
            atexit { SCIMServerFixture.stopShared() }
            return server
        }
    }()

    private static func stopShared() {
        if case .success(let server) = sharedServer { server.stop() }
    }

    /// Starts a server of its own (for a test that needs an empty one), trying new ports on a clash.
    public static func start(token: String = "test-token-\(UUID().uuidString)") throws -> SCIMServerFixture {
        var lastError: any Error = SCIMServerFixtureError.notStarted("no attempt made")
        for _ in 0..<5 {
            do {
                return try SCIMServerFixture(port: TestEnvironment.freeLoopbackPort(), token: token)
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    private init(port: Int, token: String) throws {
        let python = TestEnvironment.venvTool("python3")
        guard FileManager.default.isExecutableFile(atPath: TestEnvironment.venvTool("scim2-server").path) else {
            throw SCIMServerFixtureError.notInstalled(TestEnvironment.venv.path)
        }
        self.port = port
        self.token = token
        process = Process()
        lifeline = Pipe()
        // The token goes through the environment, not argv of a shell; scim2-server itself takes it as an option.
        let script = """
        import os, sys, threading
        def watch():
            sys.stdin.buffer.read()
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
        from scim2_server.testserver.cli import main
        sys.argv = ["scim2-server", "--bearer-token", os.environ["SCIMDECK_TEST_TOKEN"], "--hostname", "127.0.0.1", "--port", sys.argv[1]]
        sys.exit(main())
        """
        process.executableURL = python
        process.arguments = ["-c", script, String(port)]
        var environment = ProcessInfo.processInfo.environment
        environment["SCIMDECK_TEST_TOKEN"] = token
        process.environment = environment
        process.standardInput = lifeline
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("scim2-server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        try waitUntilListening(log: log)
    }

    private func waitUntilListening(log: URL) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else {
                let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw SCIMServerFixtureError.notStarted("scim2-server exited on port \(port): \(said.suffix(400))")
            }
            if let descriptor = LoopbackSocket.connect(port: port) {
                close(descriptor)
                return
            }
            usleep(50_000)
        }
        stop()
        throw SCIMServerFixtureError.notStarted("scim2-server did not listen on port \(port) within 30 s")
    }

    public func stop() {
        try? lifeline.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}

public enum SCIMServerFixtureError: Error, CustomStringConvertible {
    case notInstalled(String)
    case notStarted(String)

    public var description: String {
        switch self {
        case .notInstalled(let venv): return "scim2-server is not installed in \(venv): run scripts/setup.sh --test (or set SCIMDECK_VENV)"
        case .notStarted(let reason): return reason
        }
    }
}
