import Foundation

/// A real Samba Active Directory domain controller of the test's own: a throw-away domain
/// (`SCIMDECK.TEST`) provisioned into a temp dir with its own smb.conf, so nothing system-wide is
/// read or written, and `samba -i` serving LDAP alone on 127.0.0.1.
///
/// Samba's LDAP has no port setting: it listens on 389 and 636, so one DC runs at a time in a test
/// process (`start` waits for the one before to stop).
/// Provisioning costs seconds, so it is done once per test process into a template that each
/// fixture copies (`provisionSeconds` says what it cost). Simple binds need TLS on a DC: the
/// fixture gives Samba a certificate for 127.0.0.1 from a private CA (`caFile`).
/// A shell watches the test process and kills the DC's process group when it goes away.
public final class SambaDCFixture: LDAPCommandLineTools, @unchecked Sendable {
    public static let realm = "SCIMDECK.TEST"
    public static let baseDN = "DC=scimdeck,DC=test"
    public static let usersDN = "CN=Users,DC=scimdeck,DC=test"
    public static let administratorDN = "CN=Administrator,CN=Users,DC=scimdeck,DC=test"
    public static let ldapsURL = "ldaps://127.0.0.1:636"
    public static let ldapURL = "ldap://127.0.0.1:389"

    public let administratorPassword: String
    public let caFile: String
    public let directory: URL
    /// Seconds from `samba -i` to LDAPS answering.
    public private(set) var startSeconds: Double = 0
    /// Seconds from `start` to LDAPS answering: copying the template, seeding, starting.
    public private(set) var preparedSeconds: Double = 0
    /// What provisioning the template cost (once per test process).
    public let provisionSeconds: Double
    private let process: Process
    private let log: URL
    private let passwordFile: URL
    private let pidFile: URL
    private var stopped = false

    /// Why no DC can run here (Samba missing, or something else holds 389/636), or nil.
    public static var unavailableReason: String? {
        for path in ["/usr/sbin/samba", "/usr/bin/samba-tool", "/usr/bin/ldapmodify"] where !FileManager.default.isExecutableFile(atPath: path) {
            return "\(path) is missing: run scripts/setup.sh (it installs samba-ad-dc)"
        }
        // samba's DC refuses to start as anyone but root.
        if getuid() != 0 { return "a Samba DC needs root (the tests run as uid \(getuid()))" }
        if !FileManager.default.fileExists(atPath: "/usr/share/samba/setup/ad-schema") {
            return "Samba's AD schema is missing: run scripts/setup.sh (it installs samba-ad-provision)"
        }
        return nil
    }

    /// One DC at a time in this process (the ports are fixed).
    private static let running = NSCondition()
    nonisolated(unsafe) private static var busy = false

    /// Provisions (once per process) and starts a DC. `seed` is LDIF added offline before it starts
    /// (one transaction: hundreds of users in seconds, not an LDAP add each).
    public static func start(seed: String = "") throws -> SambaDCFixture {
        if let reason = unavailableReason { throw SambaDCFixtureError.unavailable(reason) }
        running.lock()
        while busy { running.wait() }
        busy = true
        running.unlock()
        do {
            return try SambaDCFixture(template: try SambaDCTemplate.shared(), seed: seed)
        } catch {
            release()
            throw error
        }
    }

    private static func release() {
        running.lock()
        busy = false
        running.broadcast()
        running.unlock()
    }

    private init(template: SambaDCTemplate, seed: String) throws {
        let prepared = Date()
        provisionSeconds = template.provisionSeconds
        administratorPassword = template.administratorPassword
        directory = try TestEnvironment.makeTemporaryDirectory("samba-dc")
        let domain = directory.appendingPathComponent("dc")
        try SambaDCTemplate.run("/bin/cp", ["-a", template.domain.path, domain.path])
        let config = domain.appendingPathComponent("etc/smb.conf")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: template.domain.path, with: domain.path).write(to: config, atomically: true, encoding: .utf8)
        caFile = domain.appendingPathComponent("tls/ca.pem").path
        log = directory.appendingPathComponent("samba.log")
        passwordFile = directory.appendingPathComponent("administrator.pw")
        pidFile = directory.appendingPathComponent("samba.pid")
        try Data(administratorPassword.utf8).write(to: passwordFile)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        if !seed.isEmpty { try SambaDCTemplate.seed(seed, domain: domain, in: directory) }

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // samba in its own process group (setsid), killed as a group when the test process is gone
        // or `stop` removes the pid file's twin; SIGKILL because a child of a Swift concurrency
        // thread may inherit a blocked SIGTERM.
        let script = """
        setsid /usr/sbin/samba -i -s "$1" --debug-stdout </dev/null & child=$!
        echo $child > "$3"
        while kill -0 "$2" 2>/dev/null && kill -0 $child 2>/dev/null && [ -e "$3" ]; do sleep 0.2; done
        kill -9 -- -$child 2>/dev/null
        wait $child
        """
        process.arguments = ["-c", script, "samba-dc-fixture", config.path, String(getpid()), pidFile.path]
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        let started = Date()
        try process.run()
        do {
            try waitUntilListening()
        } catch {
            stop()
            throw error
        }
        startSeconds = Date().timeIntervalSince(started)
        preparedSeconds = Date().timeIntervalSince(prepared)
    }

    /// Waits for LDAPS to accept a connection; then LDAP is up too (one task serves both).
    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            guard process.isRunning else {
                throw SambaDCFixtureError.notStarted("samba exited; its log:\n\(logText.suffix(2000))")
            }
            if let descriptor = LoopbackSocket.connect(port: 636) {
                close(descriptor)
                return
            }
            usleep(50_000)
        }
        throw SambaDCFixtureError.notStarted("samba did not listen on 636 within 90 s; its log:\n\(logText.suffix(2000))")
    }

    /// Samba's own reading of an object's attributes (`samba-tool user|group show`), an account
    /// independent of scimdeck's LDAP code: e.g. `objectGUID` as Samba writes it.
    public func show(_ kind: String, _ name: String) throws -> [String: String] {
        // Straight from the domain's database (ldb allows a reader beside the running DC).
        let domain = directory.appendingPathComponent("dc")
        let output = try SambaDCTemplate.run("/usr/bin/samba-tool", [kind, "show", name, "-s", domain.appendingPathComponent("etc/smb.conf").path,
                                                                     "-H", domain.appendingPathComponent("private/sam.ldb").path])
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), !line.contains("::") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    public func runAsAdministrator(_ path: String, _ arguments: [String]) throws {
        _ = try SambaDCTemplate.run(path, ["-x", "-H", Self.ldapsURL, "-D", Self.administratorDN, "-y", passwordFile.path] + arguments,
                                    environment: ["LDAPTLS_CACERT": caFile])
    }

    /// What samba logged so far (for a failure message).
    public var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Stops the DC (its domain is thrown away) and waits until the ports are free for the next one.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        if let text = try? String(contentsOf: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(-pid, SIGKILL)
        }
        try? FileManager.default.removeItem(at: pidFile)
        process.waitUntilExit()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, let descriptor = LoopbackSocket.connect(port: 636) {
            close(descriptor)
            usleep(50_000)
        }
        try? FileManager.default.removeItem(at: directory)
        Self.release()
    }

    deinit { stop() }
}

public enum SambaDCFixtureError: Error, CustomStringConvertible {
    case unavailable(String)
    case notStarted(String)
    case toolFailed(String)

    public var description: String {
        switch self {
        case .unavailable(let reason), .notStarted(let reason), .toolFailed(let reason): return reason
        }
    }
}
