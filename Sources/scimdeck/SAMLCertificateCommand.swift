import ArgumentParser
import Foundation
import SAML

/// `scimdeck saml cert --cert FILE`: what a signing certificate says, and its PEM for export.
struct SAMLCertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Show a signing certificate's CN, validity and SHA-256 fingerprint, or export it as PEM."
    )

    @Option(name: .customLong("cert"), help: "The signing certificate (PEM).")
    var certificate: String

    @Flag(help: "Print the certificate as PEM (to give to the app) instead of the summary.")
    var pem = false

    func run() async throws {
        let summary = try CertificateSummary(pem: try SAMLFiles.read(certificate, what: "certificate"))
        if pem {
            try SAMLFiles.write(summary.pem, to: nil)
            return
        }
        print("CN: \(summary.commonName)")
        print("valid from: \(summary.notValidBefore.formatted(.iso8601))")
        print("valid until: \(summary.notValidAfter.formatted(.iso8601))\(summary.isExpired() ? " (expired or not yet valid)" : "")")
        print("SHA-256 fingerprint: \(summary.fingerprintSHA256)")
    }
}
