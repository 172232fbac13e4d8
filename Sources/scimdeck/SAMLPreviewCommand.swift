import ArgumentParser
import Foundation
import Provisioning
import SAML
import Store

/// `scimdeck saml preview --app A --person LOGIN`: the Sign On tab's Preview SAML for a directory person;
/// or, without --app, a signed Response from settings and person JSON files and a key pair in files.
struct SAMLPreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Write a signed SAML Response (Preview SAML) for a person.",
        discussion: """
        --app A --person LOGIN: the app's Sign On settings, the person's application username (and any \
        --attribute statements) evaluated from the directory, signed with the workspace key (made on first use).
        Without --app: --settings settings.json: {"acsURL": "...", "audience": "...", "nameIDFormat": "emailAddress", \
        "defaultRelayState": "...", "issuer": "IdP entity ID"}; --person person.json: {"nameID": "...", \
        "attributes": [{"name": "email", "nameFormat": "basic", "values": ["..."]}]}; --key and --cert files.
        With -o, prints the ACS URL, the Relay State and the base64 SAMLResponse to post. Files are written mode 0600: \
        until it expires, the Response signs its holder in.
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("app"), help: "The app, by label or id.")
    var app: String?

    @Option(name: .customLong("person"), help: "With --app: the person's login; without: the person file (JSON).")
    var person: String

    @Option(name: .customLong("attribute"), help: "With --app: an attribute statement NAME=EXPRESSION, e.g. email=user.email (repeatable).")
    var attributes: [String] = []

    @Option(name: .customLong("idp-url"), help: "With --app: the base of the IdP entity ID and SSO URL.")
    var idpURL: String = AppIdentityProvider.defaultBaseURL

    @Option(name: .customLong("settings"), help: "The app's sign-on settings (JSON), without --app.")
    var settings: String?

    @Option(name: .customLong("key"), help: "The signing key (PEM), without --app; never pass key material on the command line.")
    var key: String?

    @Option(name: .customLong("cert"), help: "The signing certificate (PEM), without --app.")
    var certificate: String?

    @Option(name: .customLong("issuer"), help: "The IdP entity ID (overrides \"issuer\" in the settings).")
    var issuer: String?

    @Option(name: [.short, .customLong("output")], help: "The file for the Response XML (default: standard output).")
    var output: String?

    @Option(name: .customLong("html"), help: "Also write a page that posts the Response to the ACS URL.")
    var html: String?

    /// What is written and printed, whichever way the Response was made.
    private struct Output {
        var xml, autoPostHTML, acsURL, relayState, base64: String
    }

    func validate() throws {
        if app == nil, settings == nil || key == nil || certificate == nil {
            throw ValidationError("Give --app A --person LOGIN, or --settings, --person, --key and --cert files.")
        }
    }

    func run() async throws {
        let preview = try app == nil ? previewFromFiles() : previewFromStore()
        try SAMLFiles.write(preview.xml, to: output, secret: app != nil)
        if let html { try SAMLFiles.write(preview.autoPostHTML, to: html, secret: app != nil) }
        if output != nil && output != "-" {
            print("ACS URL: \(preview.acsURL)")
            print("RelayState: \(preview.relayState)")
            print("SAMLResponse: \(preview.base64)")
        }
    }

    private func previewFromStore() throws -> Output {
        let store = try ScimdeckStore(path: global.storePath)
        let found = try ProvisioningEngine.app(named: app ?? "", in: store)
        let statements = try attributes.map { text in
            guard let equals = text.firstIndex(of: "=") else {
                throw ValidationError("--attribute \(text): write it as NAME=EXPRESSION, e.g. email=user.email")
            }
            return AttributeStatement(name: String(text[..<equals]), expression: String(text[text.index(after: equals)...]))
        }
        let preview = try SignOnService(store: store, identityProviderBaseURL: idpURL)
            .preview(appID: found.id, login: person, attributeStatements: statements)
        return Output(xml: preview.responseXML, autoPostHTML: preview.autoPostHTML, acsURL: preview.acsURL, relayState: preview.relayState, base64: preview.responseBase64)
    }

    private func previewFromFiles() throws -> Output {
        let file = try SAMLFiles.decode(SAMLPreviewSettingsFile.self, from: settings ?? "", what: "settings")
        let subject = try SAMLFiles.decode(SAMLSubject.self, from: person, what: "person")
        let credential = try SAMLFiles.credential(keyPath: key ?? "", certificatePath: certificate ?? "")
        let provider = IdentityProvider(entityID: issuer ?? file.issuer ?? "", ssoURL: file.ssoURL ?? "")
        let preview = try SAMLResponseBuilder(identityProvider: provider, credential: credential)
            .preview(settings: file.signOn, subject: subject)
        return Output(xml: preview.xml, autoPostHTML: preview.autoPostHTML, acsURL: preview.acsURL, relayState: preview.relayState, base64: preview.base64)
    }
}
