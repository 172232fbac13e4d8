import Crypto
import Foundation
import X509

/// What the Sign On tab shows of a signing certificate (as Okta's "SAML Signing Certificates" list does):
/// its common name, validity and SHA-256 fingerprint, and the PEM to export. Needs no private key.
public struct CertificateSummary: Hashable, Sendable {
    public let commonName: String
    public let notValidBefore: Date
    public let notValidAfter: Date
    /// SHA-256 of the DER, upper-case hex pairs joined by colons.
    public let fingerprintSHA256: String
    public let pem: String

    public init(_ certificate: Certificate) throws {
        let serialized = try certificate.serializeAsPEM()
        commonName = Self.commonName(of: certificate)
        notValidBefore = certificate.notValidBefore
        notValidAfter = certificate.notValidAfter
        fingerprintSHA256 = SHA256.hash(data: serialized.derBytes).map { byte in
            let hex = String(byte, radix: 16, uppercase: true)
            return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: ":")
        pem = serialized.pemString
    }

    public init(pem: String) throws {
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: pem)
        } catch {
            throw SAMLError.unreadableCertificate(String(describing: error))
        }
        try self.init(certificate)
    }

    /// True when `date` falls outside the validity: an SP would refuse signatures made with it.
    public func isExpired(at date: Date = Date()) -> Bool {
        date < notValidBefore || date >= notValidAfter
    }

    static func commonName(of certificate: Certificate) -> String {
        for relativeName in certificate.subject {
            for attribute in relativeName where attribute.type == .RDNAttributeType.commonName {
                return attribute.value.description
            }
        }
        return ""
    }
}
