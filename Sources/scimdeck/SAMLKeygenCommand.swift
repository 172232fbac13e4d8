import ArgumentParser
import Foundation
import SAML

/// `scimdeck saml keygen -o DIR`: a new RSA 2048 signing key and self-signed certificate.
struct SAMLKeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate a SAML signing key (RSA 2048) and a self-signed certificate.",
        discussion: """
        Writes DIR/signing-key.pem (mode 0600, a secret) and DIR/signing-cert.pem, and prints the \
        certificate's SHA-256 fingerprint. Run it again with --force to rotate the key.
        """
    )

    @Option(name: [.short, .customLong("output")], help: "The directory to write the key and certificate into.")
    var output: String

    @Option(name: .customLong("common-name"), help: "The certificate's CN, usually the app label.")
    var commonName: String = "scimdeck"

    @Option(name: .customLong("validity-years"), help: "How many years the certificate is valid.")
    var validityYears: Int = 10

    @Flag(help: "Replace a key and certificate already in the directory (rotation).")
    var force = false

    func run() async throws {
        guard validityYears > 0 else { throw ValidationError("--validity-years must be at least 1.") }
        let directory = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keyPath = directory.appendingPathComponent("signing-key.pem").path
        let certificatePath = directory.appendingPathComponent("signing-cert.pem").path
        if !force, FileManager.default.fileExists(atPath: keyPath) || FileManager.default.fileExists(atPath: certificatePath) {
            throw ValidationError("\(output) already holds a signing key or certificate: pass --force to replace them.")
        }
        let credential = try SigningCredential.generate(
            commonName: commonName,
            validity: Double(validityYears) * 365.25 * 24 * 60 * 60
        )
        try SAMLFiles.write(credential.privateKeyPEM, to: keyPath, secret: true)
        try SAMLFiles.write(try credential.certificatePEM, to: certificatePath)
        print("key: \(keyPath)")
        print("certificate: \(certificatePath)")
        print("CN: \(credential.commonName)")
        print("valid until: \(credential.certificate.notValidAfter.formatted(.iso8601))")
        print("SHA-256 fingerprint: \(try credential.fingerprintSHA256)")
    }
}
