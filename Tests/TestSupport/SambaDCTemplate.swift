import Foundation

/// The provisioned domain that every `SambaDCFixture` of a test process copies: provisioned once
/// (`samba-tool domain provision --targetdir`), with LDAP as the only service, on 127.0.0.1 alone,
/// without fsync (`ldb:nosync`: the domain is thrown away, and fsync made provisioning ten times
/// slower), and with a certificate from a private CA.
final class SambaDCTemplate: @unchecked Sendable {
    let domain: URL
    let administratorPassword: String
    /// What provisioning cost, measured.
    let provisionSeconds: Double

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: SambaDCTemplate?

    static func shared() throws -> SambaDCTemplate {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let template = try SambaDCTemplate()
        made = template
        FileHandle.standardError.write(Data("SambaDCFixture: domain provisioned in \(String(format: "%.1f", template.provisionSeconds)) s\n".utf8))
        return template
    }

    private init() throws {
        let directory = try TestEnvironment.makeTemporaryDirectory("samba-template")
        domain = directory.appendingPathComponent("dc")
        // Meets the domain's complexity rule; a fresh one per process.
        administratorPassword = "Adm-\(UUID().uuidString.prefix(18))!"
        let started = Date()
        _ = try Self.run("/usr/bin/samba-tool", [
            "domain", "provision", "--targetdir=\(domain.path)", "--realm=\(SambaDCFixture.realm)", "--domain=SCIMDECK",
            "--server-role=dc", "--dns-backend=NONE", "--use-rfc2307", "--host-name=dc1", "--host-ip=127.0.0.1",
            "--adminpass=\(administratorPassword)",
            "--option=interfaces=127.0.0.1", "--option=bind interfaces only=yes", "--option=server services=ldap",
            "--option=ldb:nosync=true", "--option=log file=\(domain.path)/log.%m",
        ])
        provisionSeconds = Date().timeIntervalSince(started)
        let tls = domain.appendingPathComponent("tls")
        try FileManager.default.createDirectory(at: tls, withIntermediateDirectories: true)
        let authority = try TestCertificateAuthority(in: tls)
        // The generated files are renamed to what the copies' smb.conf names (the CA file is `tls/ca.pem`).
        let config = domain.appendingPathComponent("etc/smb.conf")
        var text = try String(contentsOf: config, encoding: .utf8)
        text = text.replacingOccurrences(of: "[global]\n", with: """
            [global]
            \ttls enabled = yes
            \ttls keyfile = \(authority.keyFile)
            \ttls certfile = \(authority.certificateFile)
            \ttls cafile = \(authority.caFile)

            """)
        try text.write(to: config, atomically: true, encoding: .utf8)
    }

    /// Adds `ldif` to the stopped domain in one transaction, through Samba's own Python bindings.
    static func seed(_ ldif: String, domain: URL, in directory: URL) throws {
        let file = directory.appendingPathComponent("seed.ldif")
        try ldif.write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import sys
        from samba.samdb import SamDB
        from samba.auth import system_session
        from samba.param import LoadParm
        lp = LoadParm(); lp.load(sys.argv[1])
        db = SamDB(url=sys.argv[2], session_info=system_session(), lp=lp)
        db.transaction_start()
        try:
            for _, message in db.parse_ldif(open(sys.argv[3]).read()):
                db.add(message)
            db.transaction_commit()
        except BaseException:
            db.transaction_cancel()
            raise
        """
        _ = try run("/usr/bin/python3", ["-c", script, domain.appendingPathComponent("etc/smb.conf").path,
                                         domain.appendingPathComponent("private/sam.ldb").path, file.path])
    }

    /// Runs a tool to its end; its output, or a failure that quotes it (never the password).
    @discardableResult
    static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("samba-tool-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        let said = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let shown = arguments.map { $0.contains("pass") || $0.contains("%") ? "****" : $0 }.prefix(6).joined(separator: " ")
            throw SambaDCFixtureError.toolFailed("\(path) \(shown) exited \(process.terminationStatus): \(said.suffix(1500))")
        }
        return said
    }
}
