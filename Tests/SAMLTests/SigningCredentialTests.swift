import _CryptoExtras
import Crypto
import Foundation
import SAML
import XCTest

final class SigningCredentialTests: XCTestCase {
    func test_generatedCertificateIsSelfSignedRSA2048WithLabelAsCN() throws {
        let now = Date()
        let credential = try SigningCredential.generate(commonName: "Axiad Cloud", now: now)
        XCTAssertEqual(credential.privateKey.keySizeInBits, 2048)
        XCTAssertEqual(credential.commonName, "Axiad Cloud")
        XCTAssertEqual(credential.certificate.subject, credential.certificate.issuer)
        let years = credential.certificate.notValidAfter.timeIntervalSince(now) / (365.25 * 24 * 3600)
        XCTAssertEqual(years, 10, accuracy: 0.01)
        XCTAssertLessThanOrEqual(credential.certificate.notValidBefore, now)
    }

    func test_validityIsConfigurable() throws {
        let now = Date()
        let credential = try SigningCredential.generate(commonName: "Short", validity: 30 * 24 * 3600, now: now)
        XCTAssertEqual(credential.certificate.notValidAfter.timeIntervalSince(now), 30 * 24 * 3600, accuracy: 1)
        XCTAssertThrowsError(try SigningCredential.generate(commonName: "Never", validity: 0)) { error in
            guard case SAMLError.invalidValidity = error else { return XCTFail("got \(error)") }
        }
    }

    func test_pemRoundTripKeepsKeyAndCertificate() throws {
        let credential = try SAMLFixture.credential.get()
        XCTAssertTrue(credential.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let certificatePEM = try credential.certificatePEM
        XCTAssertTrue(certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        let loaded = try SigningCredential(privateKeyPEM: credential.privateKeyPEM, certificatePEM: certificatePEM)
        XCTAssertEqual(loaded.certificate, credential.certificate)
        XCTAssertEqual(try loaded.fingerprintSHA256, try credential.fingerprintSHA256)
    }

    func test_fingerprintIsSHA256OfDERInColonHex() throws {
        let credential = try SAMLFixture.credential.get()
        let expected = SHA256.hash(data: try credential.certificateDER)
            .map { String(format: "%02X", $0) }.joined(separator: ":")
        XCTAssertEqual(try credential.fingerprintSHA256, expected)
        XCTAssertEqual(try credential.fingerprintSHA256.count, 32 * 3 - 1)
    }

    func test_fingerprintMatchesOpenSSL() throws {
        let openssl = URL(fileURLWithPath: "/usr/bin/openssl")
        guard FileManager.default.isExecutableFile(atPath: openssl.path) else { throw XCTSkip("openssl is not installed") }
        let credential = try SAMLFixture.credential.get()
        let directory = try TestDirectory()
        let certificate = directory.url.appendingPathComponent("cert.pem")
        try Data(try credential.certificatePEM.utf8).write(to: certificate)
        let result = try ExternalTool.run(openssl, ["x509", "-in", certificate.path, "-noout", "-fingerprint", "-sha256", "-subject"])
        XCTAssertTrue(result.succeeded, result.stderr)
        XCTAssertTrue(result.stdout.contains(try credential.fingerprintSHA256), result.stdout)
        XCTAssertTrue(result.stdout.contains("CN = Axiad Cloud") || result.stdout.contains("CN=Axiad Cloud"), result.stdout)
    }

    func test_rotationGivesANewKeyAndCertificateWithTheSameNameAndLifetime() throws {
        let now = Date()
        let old = try SigningCredential.generate(commonName: "Axiad Cloud", validity: 2 * 365 * 24 * 3600, now: now)
        let new = try old.rotated(now: now.addingTimeInterval(3600))
        XCTAssertNotEqual(new.privateKey.derRepresentation, old.privateKey.derRepresentation)
        XCTAssertNotEqual(try new.fingerprintSHA256, try old.fingerprintSHA256)
        XCTAssertEqual(new.commonName, "Axiad Cloud")
        XCTAssertEqual(new.certificate.notValidAfter.timeIntervalSince(now), 2 * 365 * 24 * 3600 + 3600, accuracy: 2)
    }

    func test_certificateOfAnotherKeyIsRefused() throws {
        let credential = try SAMLFixture.credential.get()
        let other = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        XCTAssertThrowsError(try SigningCredential(privateKey: other, certificate: credential.certificate)) { error in
            XCTAssertEqual(error as? SAMLError, .certificateDoesNotMatchKey)
            XCTAssertTrue(String(describing: error).contains("does not belong"))
        }
    }

    func test_unreadablePEMGivesTypedErrors() throws {
        let credential = try SAMLFixture.credential.get()
        XCTAssertThrowsError(try SigningCredential(privateKeyPEM: "nope", certificatePEM: try credential.certificatePEM)) { error in
            guard case SAMLError.unreadablePrivateKey = error else { return XCTFail("got \(error)") }
        }
        XCTAssertThrowsError(try SigningCredential(privateKeyPEM: credential.privateKeyPEM, certificatePEM: "nope")) { error in
            guard case SAMLError.unreadableCertificate = error else { return XCTFail("got \(error)") }
        }
    }

    func test_certificateSummaryFromPEMNeedsNoKeyAndTellsExpiry() throws {
        let now = Date()
        let credential = try SigningCredential.generate(commonName: "Axiad Cloud (demo)", validity: 24 * 3600, now: now)
        let summary = try CertificateSummary(pem: try credential.certificatePEM)
        XCTAssertEqual(summary.commonName, "Axiad Cloud (demo)")
        XCTAssertEqual(summary.fingerprintSHA256, try credential.fingerprintSHA256)
        XCTAssertEqual(summary.pem, try credential.certificatePEM)
        XCTAssertEqual(summary.notValidAfter.timeIntervalSince(now), 24 * 3600, accuracy: 1)
        XCTAssertFalse(summary.isExpired(at: now))
        XCTAssertTrue(summary.isExpired(at: now.addingTimeInterval(24 * 3600 + 1)))
        XCTAssertTrue(summary.isExpired(at: now.addingTimeInterval(-3600)))
        XCTAssertThrowsError(try CertificateSummary(pem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")) { error in
            guard case SAMLError.unreadableCertificate = error else { return XCTFail("got \(error)") }
        }
    }
}
