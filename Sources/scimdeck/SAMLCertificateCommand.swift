import ArgumentParser
import Foundation
import Provisioning
import SAML
import Store

/// `scimdeck saml cert [--cert FILE] [--pem] [-o FILE]`: what a signing certificate says, and its PEM for export.
struct SAMLCertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Show a signing certificate's CN, validity and SHA-256 fingerprint, or export it as PEM.",
        discussion: "With --app: the app's signing certificate in the store (see `saml keygen`)."
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("app"), help: "The app whose signing certificate to show, by label or id.")
    var app: String?

    @Option(name: .customLong("cert"), help: "A signing certificate file (PEM) instead of the store's.")
    var certificate: String?

    @Flag(help: "Print the certificate as PEM (to give to the app) instead of the summary.")
    var pem = false

    @Option(name: [.short, .customLong("output")], help: "With --pem: the file to write (default: standard output).")
    var output: String?

    func run() async throws {
        let summary: CertificateSummary
        if let certificate {
            summary = try CertificateSummary(pem: try SAMLFiles.read(certificate, what: "certificate"))
        } else {
            guard let app else { throw ValidationError("Give --app A (the app's certificate in the store) or --cert FILE.") }
            let store = try ScimdeckStore(path: global.storePath)
            let found = try ProvisioningEngine.app(named: app, in: store)
            guard let stored = try AppSigningKey(store: store, app: found).credential() else {
                throw ValidationError("\(found.label) has no SAML signing key yet: run `scimdeck saml keygen --app \"\(found.label)\"`.")
            }
            summary = try stored.certificateSummary
        }
        if pem {
            try SAMLFiles.write(summary.pem, to: output, secret: true)
            return
        }
        print("CN: \(summary.commonName)")
        print("valid from: \(summary.notValidBefore.formatted(.iso8601))")
        print("valid until: \(summary.notValidAfter.formatted(.iso8601))\(summary.isExpired() ? " (expired or not yet valid)" : "")")
        print("SHA-256 fingerprint: \(summary.fingerprintSHA256)")
    }
}
