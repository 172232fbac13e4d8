import Foundation

/// A real OpenLDAP `slapd` of the test's own: a temporary `mdb` database under
/// `dc=example,dc=com` in a temp dir, loaded with `slapadd`, listening on a free loopback port,
/// run as the current user and never the system instance. The `refint` overlay keeps member DNs
/// right when an entry is renamed, as production servers do. A shell watches the test process and
/// stops slapd when it goes away, so no slapd outlives a crashed run.
public final class SlapdFixture: LDAPCommandLineTools, @unchecked Sendable {
    public static let suffix = "dc=example,dc=com"
    public static let rootDN = "cn=admin,dc=example,dc=com"
    public static let peopleDN = "ou=people,dc=example,dc=com"
    public static let groupsDN = "ou=groups,dc=example,dc=com"
    /// A plain account that may read at most `readerSizeLimit` entries per search.
    public static let readerDN = "cn=reader,dc=example,dc=com"
    public static let readerSizeLimit = 50

    public let port: Int
    /// With `tls`: the ldaps:// port, and the private CA that signed slapd's certificate (StartTLS
    /// on `url` works too).
    public let tlsPort: Int?
    public let caFile: String?
    public let rootPassword: String
    public let readerPassword: String
    public let directory: URL
    private let process: Process
    private let log: URL
    private let passwordFile: URL
    private let pidFile: URL

    public var url: String { "ldap://127.0.0.1:\(port)" }
    public var ldapsURL: String? { tlsPort.map { "ldaps://127.0.0.1:\($0)" } }

    /// Starts slapd with the base entries (`ou=people`, `ou=groups`, the reader) and then `seed`
    /// (LDIF, loaded offline with slapadd: 2,500 entries take a moment, not an `ldapadd` each).
    /// With `tls`, slapd also has a certificate for 127.0.0.1 from a private CA (`caFile`), and listens for ldaps:// too.
    public static func start(seed: String = "", tls: Bool = false) throws -> SlapdFixture {
        var lastError: any Error = SlapdFixtureError.notStarted("no attempt made")
        for _ in 0..<3 {
            do {
                return try SlapdFixture(port: TestEnvironment.freeLoopbackPort(), tlsPort: tls ? TestEnvironment.freeLoopbackPort() : nil, seed: seed)
            } catch let error as SlapdFixtureError {
                // A port taken between choosing and binding is worth another try; anything else is not.
                guard case .portTaken = error else { throw error }
                lastError = error
            }
        }
        throw lastError
    }

    private init(port: Int, tlsPort: Int?, seed: String) throws {
        self.port = port
        self.tlsPort = tlsPort
        rootPassword = "root-\(UUID().uuidString)"
        readerPassword = "reader-\(UUID().uuidString)"
        directory = try TestEnvironment.makeTemporaryDirectory("slapd")
        let database = directory.appendingPathComponent("db")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        log = directory.appendingPathComponent("slapd.log")
        passwordFile = directory.appendingPathComponent("root.pw")
        pidFile = directory.appendingPathComponent("slapd.pid")
        try Data(rootPassword.utf8).write(to: passwordFile)
        let config = directory.appendingPathComponent("slapd.conf")
        var configuration = Self.configuration(database: database, rootPassword: rootPassword)
        if tlsPort != nil {
            let authority = try TestCertificateAuthority(in: directory)
            caFile = authority.caFile
            // Global directives: before the database section.
            configuration = "TLSCACertificateFile \(authority.caFile)\nTLSCertificateFile \(authority.certificateFile)\n"
                + "TLSCertificateKeyFile \(authority.keyFile)\n" + configuration
        } else {
            caFile = nil
        }
        try configuration.write(to: config, atomically: true, encoding: .utf8)
        let ldif = directory.appendingPathComponent("seed.ldif")
        try (Self.baseEntries(readerPassword: readerPassword) + "\n" + seed).write(to: ldif, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        try Self.runTool("/usr/sbin/slapadd", ["-q", "-f", config.path, "-l", ldif.path], log: log)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // slapd in the foreground (-d) under a shell that kills it when the test process is gone (a
        // crashed run leaves no slapd behind) and ends when slapd does. SIGKILL, because a child
        // spawned from a Swift concurrency thread inherits its blocked signals, SIGTERM among them.
        let script = """
        /usr/sbin/slapd -f "$1" -h "$2" -d 256 </dev/null & child=$!
        echo $child > "$4"
        while kill -0 "$3" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 0.2; done
        kill -9 $child 2>/dev/null
        wait $child
        """
        let listeners = ["ldap://127.0.0.1:\(port)/"] + (tlsPort.map { ["ldaps://127.0.0.1:\($0)/"] } ?? [])
        process.arguments = ["-c", script, "slapd-fixture", config.path, listeners.joined(separator: " "), String(getpid()), pidFile.path]
        process.standardInput = FileHandle.nullDevice
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        try waitUntilListening()
    }

    private static func configuration(database: URL, rootPassword: String) -> String {
        """
        include /etc/ldap/schema/core.schema
        include /etc/ldap/schema/cosine.schema
        include /etc/ldap/schema/inetorgperson.schema
        include /etc/ldap/schema/nis.schema
        modulepath /usr/lib/ldap
        moduleload back_mdb
        moduleload refint
        database mdb
        maxsize 1073741824
        suffix "\(suffix)"
        rootdn "\(rootDN)"
        rootpw \(rootPassword)
        directory \(database.path)
        index objectClass eq
        index entryUUID eq
        limits dn.exact="\(readerDN)" size=\(readerSizeLimit)
        overlay refint
        refint_attributes member uniqueMember
        """
    }

    private static func baseEntries(readerPassword: String) -> String {
        """
        dn: \(suffix)
        objectClass: dcObject
        objectClass: organization
        o: Example
        dc: example

        dn: \(peopleDN)
        objectClass: organizationalUnit
        ou: people

        dn: \(groupsDN)
        objectClass: organizationalUnit
        ou: groups

        dn: \(readerDN)
        objectClass: organizationalRole
        objectClass: simpleSecurityObject
        cn: reader
        userPassword: \(readerPassword)

        """
    }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            guard process.isRunning else {
                let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                if said.contains("Address already in use") { throw SlapdFixtureError.portTaken }
                throw SlapdFixtureError.notStarted("slapd exited on port \(port); its log:\n\(said.suffix(2000))")
            }
            if let descriptor = LoopbackSocket.connect(port: port) {
                close(descriptor)
                guard let tlsPort else { return }
                if let secure = LoopbackSocket.connect(port: tlsPort) {
                    close(secure)
                    return
                }
            }
            usleep(20_000)
        }
        let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop()
        throw SlapdFixtureError.notStarted("slapd did not listen on port \(port) within 20 s; its log:\n\(said.suffix(2000))")
    }

    public func runAsAdministrator(_ path: String, _ arguments: [String]) throws {
        try Self.runTool(path, ["-x", "-H", url, "-D", Self.rootDN, "-y", passwordFile.path] + arguments, log: log)
    }

    private static func runTool(_ path: String, _ arguments: [String], log: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw SlapdFixtureError.notInstalled(path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = log.deletingLastPathComponent().appendingPathComponent("tool-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        guard process.terminationStatus == 0 else {
            let said = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            throw SlapdFixtureError.toolFailed("\(path) \(arguments.filter { !$0.hasSuffix(".pw") }.joined(separator: " ")) exited \(process.terminationStatus): \(said.suffix(1500))")
        }
    }

    /// What slapd logged so far (for a failure message).
    public var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Kills slapd (its database is thrown away), then the shell ends.
    public func stop() {
        killSlapd()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private func killSlapd() {
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            if process.isRunning { process.terminate() }
            return
        }
        kill(pid, SIGKILL)
    }

    deinit {
        if process.isRunning { killSlapd() }
    }
}

public enum SlapdFixtureError: Error, CustomStringConvertible {
    case notInstalled(String)
    case notStarted(String)
    case portTaken
    case toolFailed(String)

    public var description: String {
        switch self {
        case .notInstalled(let path): return "\(path) is missing: run scripts/setup.sh (it installs slapd and ldap-utils)"
        case .notStarted(let reason): return reason
        case .portTaken: return "the port chosen for slapd was taken"
        case .toolFailed(let reason): return reason
        }
    }
}
