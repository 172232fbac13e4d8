import Foundation
import SAML

/// What the Sign On tab shows of the app's signing certificate; no key material.
public struct SigningCertificateInfo: Sendable, Hashable {
    public let commonName: String
    public let notValidBefore: Date
    public let notValidAfter: Date
    /// SHA-256 of the DER, upper-case hex pairs joined by colons, as Okta shows it.
    public let fingerprintSHA256: String
    /// The certificate as PEM, to export to the app.
    public let pem: String

    init(_ summary: CertificateSummary) {
        commonName = summary.commonName
        notValidBefore = summary.notValidBefore
        notValidAfter = summary.notValidAfter
        fingerprintSHA256 = summary.fingerprintSHA256
        pem = summary.pem
    }
}
