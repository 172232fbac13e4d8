import Foundation
import SAML
import Store

/// One app's SAML signing key and certificate (as Okta gives each app integration its own), kept as one
/// secret of the app (`SecretName.samlSigningKey`): the key's PKCS#8 PEM followed by the certificate's PEM.
/// One value, so a rotation replaces both in one write and a key can never be paired with another key's
/// certificate.
public struct AppSigningKey: Sendable {
    public let secrets: SecretStore
    public let appID: Int64
    /// The certificate's CN when a key is generated: the app's label.
    public var commonName: String

    public static let defaultCommonName = "scimdeck"

    public init(store: ScimdeckStore, appID: Int64, commonName: String = AppSigningKey.defaultCommonName) {
        secrets = store.secrets
        self.appID = appID
        self.commonName = commonName
    }

    /// The key of `app`, its CN the app's label.
    public init(store: ScimdeckStore, app: Saved<AppIntegration>) {
        self.init(store: store, appID: app.id, commonName: app.label)
    }

    /// The stored key and certificate, or nil when none was made yet.
    public func credential() throws -> SigningCredential? {
        guard let secret = try secrets.get(name: SecretName.samlSigningKey, appId: appID) else { return nil }
        return try secret.reveal { data in
            let text = String(decoding: data, as: UTF8.self)
            guard let split = text.range(of: "-----BEGIN CERTIFICATE-----") else {
                throw SAMLError.unreadableCertificate("the stored signing key has no certificate: rotate the key")
            }
            return try SigningCredential(privateKeyPEM: String(text[..<split.lowerBound]), certificatePEM: String(text[split.lowerBound...]))
        }
    }

    /// The stored credential, generated and stored first when there is none ("generated on first need").
    public func credentialGeneratingIfMissing(now: Date = Date()) throws -> (credential: SigningCredential, generated: Bool) {
        if let existing = try credential() { return (existing, false) }
        return (try store(SigningCredential.generate(commonName: commonName, now: now)), true)
    }

    /// Replaces the key and certificate with new ones: CN `commonName`, else the old certificate's, else this
    /// value's `commonName`; lifetime `validity`, else the old certificate's, else ten years.
    @discardableResult
    public func rotate(commonName: String? = nil, validity: TimeInterval? = nil, now: Date = Date()) throws -> SigningCredential {
        // An unreadable stored pair is replaced, not kept: rotation is the way out of it.
        let existing = try? credential()
        let name = commonName ?? existing?.commonName ?? self.commonName
        let fresh: SigningCredential
        if let validity {
            fresh = try SigningCredential.generate(commonName: name, validity: validity, now: now)
        } else if let existing, commonName == nil {
            fresh = try existing.rotated(now: now)
        } else {
            let lifetime = existing.map { $0.certificate.notValidAfter.timeIntervalSince($0.certificate.notValidBefore) - 60 }
            fresh = try SigningCredential.generate(commonName: name, validity: lifetime ?? SigningCredential.defaultValidity, now: now)
        }
        return try store(fresh)
    }

    /// The certificate, without touching the key's bytes beyond reading the pair; nil when there is none.
    public func certificate() throws -> SigningCertificateInfo? {
        try credential().map { SigningCertificateInfo(try $0.certificateSummary) }
    }

    private func store(_ credential: SigningCredential) throws -> SigningCredential {
        let bundle = credential.privateKeyPEM + "\n" + (try credential.certificatePEM)
        try secrets.set(SecretValue(bundle), name: SecretName.samlSigningKey, appId: appID)
        return credential
    }
}
