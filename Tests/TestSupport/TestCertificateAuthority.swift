import Foundation

/// A private CA made for one test, and a server certificate it signed for 127.0.0.1 (and
/// `localhost`): what a TLS server of the tests presents and what `--ca-file` then trusts.
public struct TestCertificateAuthority: Sendable {
    /// The CA's certificate (PEM).
    public let caFile: String
    /// The server's certificate (PEM) and its key (PEM, mode 0600).
    public let certificateFile: String
    public let keyFile: String

    /// Makes the CA and the certificate in `directory`.
    public init(in directory: URL) throws {
        caFile = directory.appendingPathComponent("ca.pem").path
        keyFile = directory.appendingPathComponent("server-key.pem").path
        certificateFile = directory.appendingPathComponent("server.pem").path
        let caKey = directory.appendingPathComponent("ca-key.pem").path
        let request = directory.appendingPathComponent("server.csr").path
        let extensions = directory.appendingPathComponent("san.ext")
        try Data("subjectAltName=IP:127.0.0.1,DNS:localhost\n".utf8).write(to: extensions)
        try Self.openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", caFile, "-days", "2", "-subj", "/CN=scimdeck test CA"])
        try Self.openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", request, "-subj", "/CN=127.0.0.1"])
        try Self.openssl(["x509", "-req", "-in", request, "-CA", caFile, "-CAkey", caKey, "-CAcreateserial", "-out", certificateFile, "-days", "2", "-extfile", extensions.path])
        // Samba refuses a key others can read.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestCertificateAuthorityError.openssl(arguments.first ?? "") }
    }
}

public enum TestCertificateAuthorityError: Error, CustomStringConvertible {
    case openssl(String)

    public var description: String {
        switch self {
        case .openssl(let step): return "openssl \(step) failed: is openssl installed?"
        }
    }
}
