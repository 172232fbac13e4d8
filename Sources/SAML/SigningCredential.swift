import Crypto
import _CryptoExtras
import Foundation
import X509

/// An app's SAML signing key (RSA 2048) and its self-signed X.509 certificate.
public struct SigningCredential: Sendable {
    public let privateKey: _RSA.Signing.PrivateKey
    public let certificate: Certificate

    /// Ten years, the default certificate lifetime.
    public static let defaultValidity: TimeInterval = 10 * 365.25 * 24 * 60 * 60

    /// Pairs a key with its certificate; throws when the certificate holds another key.
    public init(privateKey: _RSA.Signing.PrivateKey, certificate: Certificate) throws {
        guard certificate.publicKey == Certificate.PublicKey(privateKey.publicKey) else {
            throw SAMLError.certificateDoesNotMatchKey
        }
        self.privateKey = privateKey
        self.certificate = certificate
    }

    /// Reads a PEM private key (PKCS#1 or PKCS#8) and a PEM certificate.
    public init(privateKeyPEM: String, certificatePEM: String) throws {
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM)
        } catch {
            throw SAMLError.unreadablePrivateKey(String(describing: error))
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(pemEncoded: certificatePEM)
        } catch {
            throw SAMLError.unreadableCertificate(String(describing: error))
        }
        try self.init(privateKey: key, certificate: certificate)
    }

    /// A new RSA 2048 key and a self-signed certificate whose subject and issuer are CN=`commonName`,
    /// valid from a minute before `now` for `validity` seconds.
    public static func generate(
        commonName: String,
        validity: TimeInterval = defaultValidity,
        now: Date = Date()
    ) throws -> SigningCredential {
        let name = commonName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw SAMLError.keyGenerationFailed("the common name (app label) is empty") }
        guard validity > 0 else { throw SAMLError.invalidValidity("it must be longer than zero") }
        guard validity <= 100 * 366 * 24 * 60 * 60 else { throw SAMLError.invalidValidity("it must be at most 100 years") }
        do {
            let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
            let certificateKey = Certificate.PrivateKey(key)
            let distinguishedName = try DistinguishedName {
                CommonName(name)
            }
            let notBefore = now.addingTimeInterval(-60)
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: certificateKey.publicKey,
                notValidBefore: notBefore,
                notValidAfter: now.addingTimeInterval(validity),
                issuer: distinguishedName,
                subject: distinguishedName,
                signatureAlgorithm: .sha256WithRSAEncryption,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true))
                },
                issuerPrivateKey: certificateKey
            )
            return try SigningCredential(privateKey: key, certificate: certificate)
        } catch let error as SAMLError {
            throw error
        } catch {
            throw SAMLError.keyGenerationFailed(String(describing: error))
        }
    }

    /// Key rotation: a fresh key and certificate with the same common name and the same lifetime as this one.
    public func rotated(now: Date = Date()) throws -> SigningCredential {
        let lifetime = certificate.notValidAfter.timeIntervalSince(certificate.notValidBefore) - 60
        return try SigningCredential.generate(
            commonName: commonName,
            validity: lifetime > 0 ? lifetime : Self.defaultValidity,
            now: now
        )
    }

    /// The certificate's subject common name.
    public var commonName: String { CertificateSummary.commonName(of: certificate) }

    /// Common name, validity, fingerprint and PEM of the certificate.
    public var certificateSummary: CertificateSummary {
        get throws { try CertificateSummary(certificate) }
    }

    /// The private key as PKCS#8 PEM: a secret, never to be printed or logged.
    public var privateKeyPEM: String { privateKey.pkcs8PEMRepresentation }

    /// The certificate's DER bytes.
    public var certificateDER: [UInt8] {
        get throws { try certificate.serializeAsPEM().derBytes }
    }

    /// The certificate as PEM ("-----BEGIN CERTIFICATE-----").
    public var certificatePEM: String {
        get throws { try certificate.serializeAsPEM().pemString }
    }

    /// The DER base64 without line breaks, as `ds:X509Certificate` carries it.
    public var certificateBase64: String {
        get throws { Data(try certificateDER).base64EncodedString() }
    }

    /// SHA-256 of the certificate's DER, upper-case hex pairs joined by colons (as Okta shows it).
    public var fingerprintSHA256: String {
        get throws { try certificateSummary.fingerprintSHA256 }
    }

    /// RSA-SHA256 with PKCS#1 v1.5 padding, as XML Signature's rsa-sha256 means (not PSS).
    func signRSASHA256(_ bytes: some DataProtocol) throws -> Data {
        do {
            let signature = try privateKey.signature(for: SHA256.hash(data: bytes), padding: .insecurePKCS1v1_5)
            return signature.rawRepresentation
        } catch {
            throw SAMLError.signingFailed(String(describing: error))
        }
    }
}
