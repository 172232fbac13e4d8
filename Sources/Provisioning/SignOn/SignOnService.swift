import Foundation
import SAML
import Store

/// The Sign On tab's work against the store: read and save an app's settings, each app's signing key,
/// IdP metadata and Preview SAML for a directory person. The command line and the tab's effect runner both use it.
public struct SignOnService: Sendable {
    public let store: ScimdeckStore
    /// The base of the IdP entity ID and SSO URL (see `AppIdentityProvider`).
    public var identityProviderBaseURL: String

    public init(store: ScimdeckStore, identityProviderBaseURL: String = AppIdentityProvider.defaultBaseURL) {
        self.store = store
        self.identityProviderBaseURL = identityProviderBaseURL
    }

    /// The app's own signing key, its certificate's CN the app's label.
    public func signingKey(appID: Int64) throws -> AppSigningKey {
        AppSigningKey(store: store, app: try app(appID))
    }

    /// The app's settings; an app without a Sign On row reads as empty settings.
    public func configuration(appID: Int64) throws -> SignOnConfiguration {
        try app(appID)
        return try store.records(Store.SignOnSettings.self).fetch(key: appID).map(SignOnConfiguration.init) ?? SignOnConfiguration()
    }

    /// Saves the settings as one `AppSettingsChange`, checked whole first: the store never holds
    /// settings the form would refuse (`AppSettingsError` lists every field that breaks its rule).
    public func save(_ configuration: SignOnConfiguration, appID: Int64, now: Date = Date()) throws {
        try app(appID)
        try AppSettings(store: store, appID: appID).apply(AppSettingsChange(signOn: configuration), now: now)
    }

    /// The IdP metadata for the app, signed-key certificate included (the key is made on first need).
    public func metadataXML(appID: Int64) throws -> String {
        let provider = AppIdentityProvider.make(for: try app(appID), baseURL: identityProviderBaseURL)
        let credential = try signingKey(appID: appID).credentialGeneratingIfMissing().credential
        return try IdentityProviderMetadata(identityProvider: provider, credential: credential).xml()
    }

    /// Preview SAML: a Response signed with the app's key for the person with `login`, from `configuration`
    /// (the tab's form, saved or not; the stored settings when nil).
    public func preview(
        appID: Int64,
        login: String,
        configuration: SignOnConfiguration? = nil,
        attributeStatements: [AttributeStatement] = [],
        now: Date = Date()
    ) throws -> SignOnPreview {
        let app = try app(appID)
        guard let person = try store.directory.person(login: login) else { throw SignOnError.noSuchPerson(login) }
        let settings = try (configuration ?? self.configuration(appID: appID)).samlSettings(attributeStatements: attributeStatements)
        let provider = AppIdentityProvider.make(for: app, baseURL: identityProviderBaseURL)
        // Bad settings are reported before a key is made for them.
        try settings.validate()
        try provider.validate()
        let credential = try signingKey(appID: appID).credentialGeneratingIfMissing(now: now).credential
        let expressions = PersonExpressions(person: person)
        let subject = try settings.subject(evaluate: expressions.evaluation)
        let response = try SAMLResponseBuilder(identityProvider: provider, credential: credential)
            .preview(settings: settings, subject: subject, now: now)
        return SignOnPreview(
            personLogin: person.login,
            personName: person.displayName,
            nameID: subject.nameID,
            responseXML: response.xml,
            responseBase64: response.base64,
            autoPostHTML: response.autoPostHTML,
            acsURL: response.acsURL,
            relayState: response.relayState,
            metadataXML: try IdentityProviderMetadata(identityProvider: provider, credential: credential).xml(),
            entityID: provider.entityID,
            ssoURL: provider.ssoURL,
            certificate: SigningCertificateInfo(try credential.certificateSummary),
            notOnOrAfter: response.notOnOrAfter
        )
    }

    /// People to pick for a preview: login, name or email containing `filter`.
    public func people(matching filter: String? = nil, limit: Int = 50) throws -> [PersonChoice] {
        try store.directory.people(filter: filter, limit: limit).map { PersonChoice(login: $0.login, name: $0.displayName) }
    }

    @discardableResult
    private func app(_ appID: Int64) throws -> Saved<AppIntegration> {
        guard let app = try store.apps.app(id: appID) else { throw EngineError.noSuchApp(String(appID)) }
        return app
    }
}
