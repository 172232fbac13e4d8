import ArgumentParser
import Foundation
import Provisioning
import SAML
import Store

/// `scimdeck saml keygen --app A [--rotate]`: the app's signing key in the store; `-o DIR`: a key pair in files.
struct SAMLKeygenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Generate a SAML signing key (RSA 2048) and a self-signed certificate.",
        discussion: """
        With --app: makes the app's signing key in the store (a secret; CN the app's label) when there is none, or with --rotate \
        replaces it, and prints the certificate's SHA-256 fingerprint (apps trusting the old certificate must be \
        given the new one: `scimdeck saml metadata --app A`). \
        With -o DIR: writes DIR/signing-key.pem (mode 0600, a secret) and DIR/signing-cert.pem; --force replaces them.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("app"), help: "The app whose signing key to make or rotate, by label or id.")
    var app: String?

    @Option(name: [.short, .customLong("output")], help: "Write the key and certificate into this directory instead of the store.")
    var output: String?

    @Option(name: .customLong("common-name"), help: "The certificate's CN (default: the rotated certificate's, else the app's label).")
    var commonName: String?

    @Option(name: .customLong("validity-years"), help: "How many years the certificate is valid (default: the rotated certificate's, else 10).")
    var validityYears: Int?

    @Flag(name: [.customLong("rotate"), .customLong("force")], help: "Replace the existing key and certificate (rotation).")
    var rotate = false

    func run() async throws {
        if let validityYears, validityYears < 1 { throw ValidationError("--validity-years must be at least 1.") }
        let validity = validityYears.map { Double($0) * 365.25 * 24 * 60 * 60 }
        let credential: SigningCredential
        if let output {
            credential = try writeFiles(into: output, validity: validity ?? SigningCredential.defaultValidity)
        } else {
            guard let app else { throw ValidationError("Give --app A (the app's key in the store) or -o DIR (key files).") }
            let store = try ScimdeckStore(path: global.storePath)
            let found = try ProvisioningEngine.app(named: app, in: store)
            let key = AppSigningKey(store: store, app: found)
            if rotate {
                credential = try key.rotate(commonName: commonName, validity: validity)
                print("rotated the signing key of \(found.label)")
            } else if let existing = try key.credential() {
                credential = existing
                print("\(found.label) already has a signing key (pass --rotate to replace it)")
            } else {
                credential = try key.rotate(commonName: commonName, validity: validity)
                print("made the signing key of \(found.label)")
            }
        }
        print("CN: \(credential.commonName)")
        print("valid until: \(credential.certificate.notValidAfter.formatted(.iso8601))")
        print("SHA-256 fingerprint: \(try credential.fingerprintSHA256)")
    }

    private func writeFiles(into output: String, validity: TimeInterval) throws -> SigningCredential {
        let directory = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keyPath = directory.appendingPathComponent("signing-key.pem").path
        let certificatePath = directory.appendingPathComponent("signing-cert.pem").path
        if !rotate, FileManager.default.fileExists(atPath: keyPath) || FileManager.default.fileExists(atPath: certificatePath) {
            throw ValidationError("\(output) already holds a signing key or certificate: pass --force to replace them.")
        }
        let credential = try SigningCredential.generate(commonName: commonName ?? AppSigningKey.defaultCommonName, validity: validity)
        try SAMLFiles.write(credential.privateKeyPEM, to: keyPath, secret: true)
        try SAMLFiles.write(try credential.certificatePEM, to: certificatePath)
        print("key: \(keyPath)")
        print("certificate: \(certificatePath)")
        return credential
    }
}
